import * as attendance from './attendance';
import * as backup from './backup';
import * as calendar from './calendar';
import en from './en';
import * as journals from './journals';
import * as mail from './mail';
import * as lists from './lists';
import * as overview from './overview';
import lv from './lv';
import * as people from './people';
import * as planning from './planning';
import * as privacy from './privacy';
import * as release from './release';
import * as server from './server';
import { ru as ruAttendance } from './ru/attendance';
import { ru as ruBackup } from './ru/backup';
import { ru as ruCalendar } from './ru/calendar';
import { ru as ruJournals } from './ru/journals';
import { ru as ruMail } from './ru/mail';
import { ru as ruLists } from './ru/lists';
import { ru as ruOverview } from './ru/overview';
import { ru as ruPeople } from './ru/people';
import { ru as ruPlanning } from './ru/planning';
import { ru as ruPrivacy } from './ru/privacy';
import { ru as ruRelease } from './ru/release';
import ru from './ru/root';
import { ru as ruServer } from './ru/server';
import { ru as ruSubstitution } from './ru/substitution';
import { ru as ruSupervision } from './ru/supervision';
import * as substitution from './substitution';
import * as supervision from './supervision';

/**
 * The UI catalogs by language. Each domain's text sits under its own prefix ('people.…',
 * 'attendance.…'); Latvian and English share a file per domain, Russian has its own folder.
 * tests/unit/i18n-catalogs.test.ts checks that every language has exactly Latvian's keys.
 */
export const MESSAGES = {
  lv: {
    ...lv,
    people: people.lv,
    attendance: attendance.lv,
    calendar: calendar.lv,
    planning: planning.lv,
    journals: journals.lv,
    supervision: supervision.lv,
    substitution: substitution.lv,
    backup: backup.lv,
    release: release.lv,
    mail: mail.lv,
    overview: overview.lv,
    server: server.lv,
    privacy: privacy.lv,
    list: lists.lv,
  },
  en: {
    ...en,
    people: people.en,
    attendance: attendance.en,
    calendar: calendar.en,
    planning: planning.en,
    journals: journals.en,
    supervision: supervision.en,
    substitution: substitution.en,
    backup: backup.en,
    release: release.en,
    mail: mail.en,
    overview: overview.en,
    server: server.en,
    privacy: privacy.en,
    list: lists.en,
  },
  ru: {
    ...ru,
    people: ruPeople,
    attendance: ruAttendance,
    calendar: ruCalendar,
    planning: ruPlanning,
    journals: ruJournals,
    supervision: ruSupervision,
    substitution: ruSubstitution,
    backup: ruBackup,
    release: ruRelease,
    mail: ruMail,
    overview: ruOverview,
    server: ruServer,
    privacy: ruPrivacy,
    list: ruLists,
  },
};
