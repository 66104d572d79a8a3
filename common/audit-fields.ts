import type { Locale } from './locale';

/** A word in Latvian and English, and Russian where given (else the Latvian, as the UI falls back). */
type Words = { lv: string; en: string; ru?: string };
const say = (words: Words, locale: Locale): string => words[locale] ?? words.lv;

/**
 * The names of the fields an audit event records, in the UI languages, for "field: before →
 * after" in the viewer and its XLSX. A field missing here is shown by its code name.
 */
const FIELDS: Record<string, Words> = {
  firstName: { lv: 'Vārds', en: 'First name' },
  lastName: { lv: 'Uzvārds', en: 'Last name' },
  fullName: { lv: 'Vārds, uzvārds', en: 'Full name' },
  birthDate: { lv: 'Dzimšanas datums', en: 'Date of birth' },
  codeChanged: { lv: 'Personas kods mainīts', en: 'Personal code changed' },
  groupId: { lv: 'Grupa', en: 'Group' },
  fromDate: { lv: 'No', en: 'From' },
  toDate: { lv: 'Līdz', en: 'To' },
  username: { lv: 'Lietotājvārds', en: 'User name' },
  role: { lv: 'Loma', en: 'Role' },
  active: { lv: 'Aktīvs', en: 'Active' },
  name: { lv: 'Nosaukums', en: 'Name' },
  number: { lv: 'Numurs', en: 'Number' },
  capacity: { lv: 'Vietu skaits', en: 'Places' },
  ageFromMonths: { lv: 'Vecums no (mēn.)', en: 'Age from (months)' },
  ageToMonths: { lv: 'Vecums līdz (mēn.)', en: 'Age to (months)' },
  schoolYear: { lv: 'Mācību gads', en: 'School year' },
  activeFrom: { lv: 'Darbojas no', en: 'Active from' },
  activeTo: { lv: 'Darbojas līdz', en: 'Active to' },
  userId: { lv: 'Darbinieks', en: 'Staff member' },
  phone: { lv: 'Tālrunis', en: 'Phone' },
  email: { lv: 'E-pasts', en: 'E-mail' },
  consents: { lv: 'Piekrišanas', en: 'Consents' },
  relation: { lv: 'Saistība', en: 'Relation' },
  childId: { lv: 'Bērns', en: 'Child' },
  childIds: { lv: 'Bērni', en: 'Children' },
  guardianId: { lv: 'Vecāks', en: 'Guardian' },
  guardianIds: { lv: 'Vecāki', en: 'Guardians' },
  status: { lv: 'Statuss', en: 'Status' },
  connectedOn: { lv: 'Pieslēgts', en: 'Connected on' },
  receivedOn: { lv: 'Saņemts', en: 'Received on' },
  parentName: { lv: 'Vecāka vārds', en: 'Parent’s name' },
  parentPhone: { lv: 'Vecāka tālrunis', en: 'Parent’s phone' },
  reason: { lv: 'Iemesls', en: 'Reason' },
  title: { lv: 'Temats', en: 'Topic' },
  startDate: { lv: 'Sākums', en: 'Start' },
  endDate: { lv: 'Beigas', en: 'End' },
  message: { lv: 'Ziņa bērnam', en: 'Message to the child' },
  content: { lv: 'Saturs', en: 'Content' },
  values: { lv: 'Vērtības un tikumi', en: 'Values and virtues' },
  valuesText: { lv: 'Vērtības (teksts)', en: 'Values (text)' },
  skills: { lv: 'Caurviju prasmes', en: 'Transversal skills' },
  results: { lv: 'Sasniedzamie rezultāti', en: 'Results to reach' },
  extra: { lv: 'Papildus informācija', en: 'Additional information' },
  date: { lv: 'Datums', en: 'Date' },
  kind: { lv: 'Veids', en: 'Kind' },
  durationMinutes: { lv: 'Ilgums (min)', en: 'Duration (min)' },
  subject: { lv: 'Tēma', en: 'Subject' },
  agreed: { lv: 'Vienošanās', en: 'Agreed' },
  late: { lv: 'Ievadīts novēloti', en: 'Entered late' },
  sendStatus: { lv: 'Nosūtīšana vecākiem', en: 'Sending to parents' },
  version: { lv: 'Versija', en: 'Version' },
  when: { lv: 'Kad', en: 'When' },
  file: { lv: 'Fails', en: 'File' },
  fileName: { lv: 'Fails', en: 'File' },
  bytes: { lv: 'Baiti', en: 'Bytes' },
  enabled: { lv: 'Ieslēgts', en: 'Enabled' },
  folder: { lv: 'Mape', en: 'Folder' },
  passphraseChanged: { lv: 'Parole mainīta', en: 'Passphrase changed' },
  failure: { lv: 'Kļūme', en: 'Failure' },
  seconds: { lv: 'Bloķēts (s)', en: 'Locked (s)' },
  failures: { lv: 'Neveiksmīgi mēģinājumi', en: 'Failed attempts' },
  knownUser: { lv: 'Zināms lietotājs', en: 'Known user' },
  via: { lv: 'Veids', en: 'Way' },
  attendanceDeadline: { lv: 'Apmeklējuma termiņš', en: 'Attendance deadline' },
  idleMinutes: { lv: 'Atslēgšana pēc (min)', en: 'Idle logout (min)' },
  schoolYearStart: { lv: 'Mācību gada sākums', en: 'School year starts' },
  schoolYearEnd: { lv: 'Mācību gada beigas', en: 'School year ends' },
  regNo: { lv: 'Reģistrācijas numurs', en: 'Registration number' },
  address: { lv: 'Adrese', en: 'Address' },
  substituteId: { lv: 'Aizvietotājs', en: 'Substitute' },
  absentId: { lv: 'Prombūtnē', en: 'Absent' },
  note: { lv: 'Piezīme', en: 'Note' },
  workSaturday: { lv: 'Darba sestdiena', en: 'Working Saturday' },
  imported: { lv: 'Importēti', en: 'Imported' },
  skipped: { lv: 'Izlaisti', en: 'Skipped' },
  backupCreatedAt: { lv: 'Kopija izveidota', en: 'Backup made' },
  schemaVersion: { lv: 'Shēmas versija', en: 'Schema version' },
  restoredBy: { lv: 'Atjaunoja', en: 'Restored by' },
  years: { lv: 'Glabāšanas termiņš (gadi)', en: 'Retention (years)' },
  children: { lv: 'Bērni', en: 'Children' },
  guardians: { lv: 'Vecāki', en: 'Guardians' },
  applications: { lv: 'Iesniegumi', en: 'Applications' },
  talks: { lv: 'Sarunas', en: 'Talks' },
  entries: { lv: 'Individuālā darba ieraksti', en: 'Individual work entries' },
  attendanceReasons: { lv: 'Apmeklējuma labojumu iemesli', en: 'Correction reasons' },
  diaryEntries: { lv: 'Dienasgrāmatas ieraksti', en: 'Diary entries' },
  auditEvents: { lv: 'Notikumi', en: 'Events' },
  messages: { lv: 'Vēstules', en: 'Messages' },
  events: { lv: 'Notikumi', en: 'Events' },
  from: { lv: 'No', en: 'From' },
  to: { lv: 'Līdz', en: 'To' },
  fromTopicId: { lv: 'Kopēts no temata', en: 'Copied from topic' },
  topicTitle: { lv: 'Temats', en: 'Topic' },
  notes: { lv: 'Piezīmes', en: 'Notes' },
  correctionDate: { lv: 'Labot līdz', en: 'Correct by' },
  authorId: { lv: 'Autors', en: 'Author' },
  onBehalfOf: { lv: 'Aizvietojot', en: 'On behalf of' },
  findings: { lv: 'Konstatēts', en: 'Findings' },
  recommendations: { lv: 'Ieteikumi', en: 'Recommendations' },
  participants: { lv: 'Dalībnieki', en: 'Participants' },
  pdfBytes: { lv: 'PDF baiti', en: 'PDF bytes' },
  jsonBytes: { lv: 'JSON baiti', en: 'JSON bytes' },
};

/** Words for the codes some fields hold (relation 'mother' → 'māte'). */
const VALUES: Record<string, Record<string, Words>> = {
  relation: {
    mother: { lv: 'māte', en: 'mother' },
    father: { lv: 'tēvs', en: 'father' },
    guardian: { lv: 'aizbildnis', en: 'guardian' },
    other: { lv: 'cits', en: 'other' },
  },
  consents: {
    register: { lv: 'e-žurnāls un ziņas', en: 'register and messages' },
    photos: { lv: 'fotogrāfijas', en: 'photos' },
    walks: { lv: 'pastaigas', en: 'walks' },
  },
  kind: {
    play: { lv: 'rotaļnodarbība', en: 'play session' },
    individualWork: { lv: 'individuālais darbs', en: 'individual work' },
    individualLesson: { lv: 'individuālā nodarbība', en: 'individual lesson' },
    closure: { lv: 'slēgta diena', en: 'closure' },
    moved: { lv: 'pārcelta darbdiena', en: 'moved working day' },
  },
  subject: {
    results: { lv: 'sasniedzamie rezultāti', en: 'results' },
    rules: { lv: 'iekšējās kārtības noteikumi', en: 'internal rules' },
    behaviour: { lv: 'uzvedība', en: 'behaviour' },
    other: { lv: 'cits', en: 'other' },
  },
  role: {
    head: { lv: 'vadītāja', en: 'head' },
    deputy: { lv: 'vadītājas vietniece', en: 'deputy head' },
    teacher: { lv: 'skolotāja', en: 'teacher' },
    speech: { lv: 'logopēde', en: 'speech therapist' },
    nurse: { lv: 'māsa', en: 'nurse' },
  },
  status: {
    received: { lv: 'saņemts', en: 'received' },
    connected: { lv: 'pieslēgts', en: 'connected' },
    refused: { lv: 'noraidīts', en: 'refused' },
  },
};

/** A field's code as words, or undefined where the value is not one of its codes. */
export function auditValueLabel(field: string, value: unknown, locale: Locale): string | undefined {
  const words = VALUES[field];
  if (!words) return undefined;
  if (typeof value === 'string') return words[value] ? say(words[value], locale) : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v in words)) {
    return value.map((v: string) => say(words[v], locale)).join(', ');
  }
  return undefined;
}

export function auditFieldLabel(field: string, locale: Locale): string {
  return FIELDS[field] ? say(FIELDS[field], locale) : field;
}

/** Words of the viewer's values, in the UI languages. */
export const AUDIT_WORDS: Record<
  'yes' | 'no' | 'empty' | 'present' | 'excused' | 'unknownName' | 'more',
  Record<Locale, string>
> = {
  yes: { lv: 'jā', en: 'yes', ru: 'да' },
  no: { lv: 'nē', en: 'no', ru: 'нет' },
  empty: { lv: '—', en: '—', ru: '—' },
  present: { lv: 'ieradies', en: 'present', ru: 'присутствовал(а)' },
  excused: { lv: 'attaisnots kavējums', en: 'justified absence', ru: 'оправданное отсутствие' },
  unknownName: {
    lv: 'nezināms lietotājvārds',
    en: 'unknown user name',
    ru: 'неизвестное имя пользователя',
  },
  more: { lv: 'vēl {count}', en: '{count} more', ru: 'ещё {count}' },
};
