import type { Locale } from '../locale';
import { attendanceMessages } from './attendance';
import { backupMessages } from './backup';
import { calendarMessages } from './calendar';
import { listMessages } from './lists';
import { peopleMessages } from './people';
import { planningMessages } from './planning';
import { privacyMessages } from './privacy';
import { releaseMessages } from './release';
import { ruMessages } from './ru';
import { serverMessages } from './server';
import { journalsMessages } from './journals';
import { mailMessages } from './mail';
import { ruMailMessages } from './ru-mail';
import { overviewMessages } from './overview';
import { supervisionMessages } from './supervision';
import { substitutionMessages } from './substitution';

/**
 * Messages the backend sends back (errors and validation). The renderer's own catalogs
 * (renderer/src/i18n) hold the UI text; these are shared so that the router and the forms
 * word a refusal the same way.
 */
const lv = {
  'error.UNAUTHENTICATED': 'Lūdzu, pieslēdzieties.',
  'error.FORBIDDEN': 'Jums nav tiesību veikt šo darbību.',
  'error.VALIDATION': 'Lūdzu, izlabojiet atzīmētos laukus.',
  'error.NOT_FOUND': 'Ieraksts nav atrasts.',
  'error.CONFLICT': 'Ierakstu kāds jau ir mainījis.',
  'error.BAD_CREDENTIALS': 'Nepareizs lietotājvārds vai parole.',
  'error.LOCKED': 'Konts īslaicīgi bloķēts. Mēģiniet vēlreiz pēc {seconds} s.',
  'error.PASSWORD_CHANGE_REQUIRED': 'Vispirms nomainiet pagaidu paroli.',
  'error.SESSION_EXPIRED': 'Žurnāls tika aizvērts neaktivitātes dēļ. Pieslēdzieties vēlreiz.',
  'error.SETUP_DONE': 'Iestāde jau ir izveidota.',
  'error.SETUP_REQUIRED': 'Vispirms izveidojiet iestādi.',
  'error.DATA_CORRUPT': 'Datu mapē ir bojāts vai svešs fails: {file}. Tas netika mainīts.',
  'error.DATABASE_TOO_NEW':
    'Datubāze ir izveidota ar jaunāku programmas versiju. Atjauniniet programmu.',
  'error.TEST_ONLY': 'Šī darbība pieejama tikai testa režīmā.',
  'error.UNKNOWN_METHOD': 'Nezināma darbība: {method}.',
  'error.BAD_REQUEST': 'Nederīgs pieprasījums.',
  'error.INTERNAL': 'Radās iekšēja kļūda. Dati netika mainīti.',
  'auth.wrongRecoveryKey': 'Nepareiza atjaunošanas atslēga vai lietotājvārds.',
  'auth.passwordIsUsername': 'Parole nedrīkst sakrist ar lietotājvārdu.',
  'auth.passwordSame': 'Jaunajai parolei jāatšķiras no pašreizējās.',
  'auth.wrongCurrentPassword': 'Pašreizējā parole nav pareiza.',
  'auth.notHead': 'Atjaunošanas atslēgu var izmantot tikai vadītāja konts.',
  'users.usernameTaken': 'Šāds lietotājvārds jau ir.',
  'v.required': 'Obligāti aizpildāms lauks.',
  'v.tooShort': 'Jābūt vismaz {min} rakstzīmēm.',
  'v.tooLong': 'Ne vairāk kā {max} rakstzīmes.',
  'v.invalid': 'Nederīga vērtība.',
  'v.username':
    'Lietotājvārdā drīkst būt mazie latīņu burti, cipari, punkts, domuzīme un apakšsvītra.',
  'v.regNo': 'Reģistrācijas numurs ir 11 cipari.',
  'v.mismatch': 'Paroles nesakrīt.',
  'v.date': 'Datums jāievada formātā dd.mm.gggg.',
  'v.dateRange': 'Datumam jābūt no 01.01.2000 līdz 31.12.2100.',
  'v.birthDateRange': 'Dzimšanas datumam jābūt no 01.01.1900 līdz 31.12.2100.',
  'v.month': 'Mēnesis jānorāda formātā gggg-mm.',
  'v.year': 'Gadam jābūt no 2000 līdz 2100.',
  'v.monthRange': 'Mēnesim jābūt no 2000. gada janvāra līdz 2100. gada decembrim.',
  'v.controlChars': 'Tekstā nedrīkst būt neredzamu vadības vai teksta virziena rakstzīmju.',
  'v.nameChars':
    'Nosaukumā vai vārdā drīkst būt tikai redzamas rakstzīmes vienā rindā (bez vadības un teksta virziena rakstzīmēm).',
  'v.time': 'Laiks jāievada formātā hh:mm.',
  'v.number': 'Jāievada skaitlis no {min} līdz {max}.',
  'v.oneOf': 'Izvēlieties vienu no piedāvātajām vērtībām.',
  'unsaved.closeTitle': 'Nesaglabātas izmaiņas',
  'unsaved.closeMessage': 'Žurnālā ir nesaglabātas izmaiņas. Aizvērt to, nesaglabājot?',
  'unsaved.closeStay': 'Atcelt',
  'unsaved.closeLeave': 'Aizvērt, nesaglabājot',
} as const;

export type MessageKey = keyof typeof lv;

const en: Record<MessageKey, string> = {
  'error.UNAUTHENTICATED': 'Please log in.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.VALIDATION': 'Please correct the marked fields.',
  'error.NOT_FOUND': 'Record not found.',
  'error.CONFLICT': 'Someone has changed this record in the meantime.',
  'error.BAD_CREDENTIALS': 'Wrong user name or password.',
  'error.LOCKED': 'Account temporarily locked. Try again in {seconds} s.',
  'error.PASSWORD_CHANGE_REQUIRED': 'Please change your temporary password first.',
  'error.SESSION_EXPIRED': 'You were logged out after a period of inactivity. Please log in again.',
  'error.SETUP_DONE': 'The institution has already been set up.',
  'error.SETUP_REQUIRED': 'Set up the institution first.',
  'error.DATA_CORRUPT':
    'The data folder holds a damaged or foreign file: {file}. It was left unchanged.',
  'error.DATABASE_TOO_NEW':
    'The database was made by a newer version of the program. Please update.',
  'error.TEST_ONLY': 'This call is available in test mode only.',
  'error.UNKNOWN_METHOD': 'Unknown call: {method}.',
  'error.BAD_REQUEST': 'Malformed request.',
  'error.INTERNAL': 'An internal error occurred. Nothing was changed.',
  'auth.wrongRecoveryKey': 'Wrong recovery key or user name.',
  'auth.passwordIsUsername': 'The password must not be the user name.',
  'auth.passwordSame': 'The new password must differ from the current one.',
  'auth.wrongCurrentPassword': 'The current password is wrong.',
  'auth.notHead': 'The recovery key can only be used for the head’s account.',
  'users.usernameTaken': 'This user name is already taken.',
  'v.required': 'This field is required.',
  'v.tooShort': 'At least {min} characters.',
  'v.tooLong': 'At most {max} characters.',
  'v.invalid': 'Invalid value.',
  'v.username': 'Use lower-case Latin letters, digits, dot, hyphen and underscore.',
  'v.regNo': 'The registration number has 11 digits.',
  'v.mismatch': 'The passwords do not match.',
  'v.date': 'Enter the date as dd.mm.yyyy.',
  'v.dateRange': 'The date must be from 01.01.2000 to 31.12.2100.',
  'v.birthDateRange': 'The date of birth must be from 01.01.1900 to 31.12.2100.',
  'v.month': 'Give the month as yyyy-mm.',
  'v.year': 'The year must be from 2000 to 2100.',
  'v.monthRange': 'The month must be from January 2000 to December 2100.',
  'v.controlChars': 'The text must not contain invisible control or text-direction characters.',
  'v.nameChars':
    'A name may hold only visible characters on one line (no control or text-direction characters).',
  'v.time': 'Enter the time as hh:mm.',
  'v.number': 'Enter a number from {min} to {max}.',
  'v.oneOf': 'Choose one of the offered values.',
  'unsaved.closeTitle': 'Unsaved changes',
  'unsaved.closeMessage': 'The register has unsaved changes. Close it without saving?',
  'unsaved.closeStay': 'Cancel',
  'unsaved.closeLeave': 'Close without saving',
};

/**
 * Each domain keeps its Latvian and English messages in its own file beside this one, keys
 * prefixed by domain; the Russian of all of them is in ru.ts.
 */
export const MESSAGE_CATALOGS: Readonly<Record<Locale, Record<string, string>>> = {
  lv: {
    ...lv,
    ...peopleMessages.lv,
    ...attendanceMessages.lv,
    ...calendarMessages.lv,
    ...planningMessages.lv,
    ...journalsMessages.lv,
    ...supervisionMessages.lv,
    ...substitutionMessages.lv,
    ...backupMessages.lv,
    ...releaseMessages.lv,
    ...mailMessages.lv,
    ...listMessages.lv,
    ...overviewMessages.lv,
    ...privacyMessages.lv,
    ...serverMessages.lv,
  },
  en: {
    ...en,
    ...peopleMessages.en,
    ...attendanceMessages.en,
    ...calendarMessages.en,
    ...planningMessages.en,
    ...journalsMessages.en,
    ...supervisionMessages.en,
    ...substitutionMessages.en,
    ...backupMessages.en,
    ...releaseMessages.en,
    ...mailMessages.en,
    ...listMessages.en,
    ...overviewMessages.en,
    ...privacyMessages.en,
    ...serverMessages.en,
  },
  ru: { ...ruMessages, ...ruMailMessages },
};

/** Renders a message; an unknown key is returned as it is (so already-rendered text passes). */
export function message(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = MESSAGE_CATALOGS[locale][key] ?? MESSAGE_CATALOGS.lv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
