import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../common/contract';
import { PERMISSIONS } from '../../common/permissions';
import type { Role } from '../../common/roles';

/** Role letters: Head, Deputy, Teacher, Speech therapist, Nurse. */
const LETTER: Record<string, Role> = {
  H: 'head',
  D: 'deputy',
  T: 'teacher',
  S: 'speech',
  N: 'nurse',
};

/**
 * Who may call each method, written by hand from shared/spec/DOMAIN.md and the roles table of
 * shared/ARCHITECTURE.md (not from the code): 'public' needs no login, 'session' any login,
 * otherwise the letters of the roles. A wrong entry in the permission table fails here; the
 * router's enforcement of the table is proven in tests/integration/permissions.security.test.ts.
 */
const GOLDEN: Record<Method, string> = {
  'app.state': 'public',
  'app.now': 'public',
  'app.setLocale': 'public',
  'session.ping': 'session',
  'test.setClock': 'public', // exists only in --test mode
  'test.advanceClock': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.recover': 'public',
  'auth.logout': 'session',
  'auth.changePassword': 'session',
  // The recovery key is the head's, as superuser (6).
  'auth.confirmRecoveryKey': 'H',
  'auth.newRecoveryKey': 'H',
  // 2.1: head and deputy enter staff; 6: only the head resets a password.
  'users.list': 'HD',
  'users.create': 'HD',
  'users.update': 'HD',
  'users.deactivate': 'HD',
  'users.resetPassword': 'H',
  'settings.get': 'H',
  'settings.update': 'H',
  // Groups: set up by management, seen by everyone who works with children.
  'groups.list': 'HDTSN',
  'groups.create': 'HD',
  'groups.update': 'HD',
  'groups.assignTeacher': 'HD',
  'groups.endTeacher': 'HD',
  'groups.teachers': 'HD',
  // 2.2: the deputy enters children and parents; the rest read within their scope.
  'children.list': 'HDTSN',
  'children.get': 'HDTSN',
  'children.create': 'D',
  'children.update': 'D',
  'children.move': 'D',
  'children.leave': 'D',
  // A personal code is shown only to those who need it: management.
  'children.revealCode': 'HD',
  'guardians.list': 'HD',
  'guardians.create': 'D',
  'guardians.update': 'D',
  'guardians.link': 'D',
  'guardians.unlink': 'D',
  // 2.3: the deputy connects parents on their written application.
  'applications.list': 'HDTSN',
  'applications.create': 'D',
  'applications.connect': 'D',
  'applications.refuse': 'D',
  'applications.pdf': 'HD',
  'import.preview': 'D',
  'import.confirm': 'D',
  // 3.2, 3.3: teachers enter and confirm, the nurse checks and corrects, management reads.
  'attendance.groups': 'HDTN',
  'attendance.day': 'HDTN',
  'attendance.save': 'TN',
  'attendance.confirm': 'T',
  'attendance.month': 'HDTN',
  'attendance.nurseDay': 'HDN',
  'attendance.nurseConfirm': 'N',
  'attendance.history': 'HDTN',
  'attendance.export': 'HDTN',
  'attendance.summary': 'HDN',
  // Holidays, moved days and closures: the head's settings.
  'calendar.list': 'H',
  'calendar.add': 'H',
  'calendar.remove': 'H',
  // 3.1, 3.4: teachers plan and mark; management and the speech therapist read.
  'planning.overview': 'HDTS',
  'planning.list': 'HDTS',
  'planning.plan': 'HDTS',
  'planning.saveTopic': 'T',
  'planning.deleteTopic': 'T',
  'planning.submit': 'T',
  'planning.versions': 'HDTS',
  'planning.copy': 'T',
  'planning.planPdf': 'HDTS',
  'assessment.sheet': 'HDTS',
  'assessment.mark': 'T',
  'assessment.history': 'HDTS',
  'assessment.later': 'HDTS',
  'assessment.progress': 'HDTS',
  'assessment.progressPdf': 'HDTS',
  // 3.6, 3.7: the speech therapist and teachers keep the individual work journal; only teachers
  // send notes to parents, so only they and management see what waits to be sent.
  'journals.entries': 'HDTS',
  'journals.waiting': 'HDT',
  'journals.children': 'TS',
  'journals.saveEntry': 'TS',
  'journals.deleteEntry': 'TS',
  // 3.10: teachers' talks with parents, read by management.
  'journals.talks': 'HDT',
  'journals.saveTalk': 'T',
  'journals.deleteTalk': 'T',
  // 3.8: the deputy's diary, read by the head.
  'supervision.diary': 'HD',
  'supervision.diarySave': 'D',
  'supervision.diaryDelete': 'D',
  // 3.9, 3.12: deputy and head check journals; teachers read the checks of their groups.
  'supervision.checks': 'HDT',
  'supervision.checkSave': 'HD',
  'supervision.checkDelete': 'HD',
  'supervision.unchecked': 'HD',
  'supervision.headCount': 'HD',
  'supervision.options': 'HD',
  // 3.12 and the deadlines table: everyone's own due items; the head and deputy supervise the
  // register (the report, its charts and files, the year-end archive of every group).
  'overview.home': 'HDTSN',
  'overview.report': 'HD',
  'overview.reportItems': 'HD',
  'overview.reportExport': 'HD',
  'overview.charts': 'HD',
  'overview.groups': 'HD',
  'overview.archiveStart': 'HD',
  'overview.archiveStatus': 'HD',
  'overview.archiveCancel': 'HD',
  'overview.archiveFile': 'HD',
  // Journals are printed by those who read them (3.6–3.10); the nurse keeps none.
  'overview.journalPrint': 'HDTS',
  // 3.11: management records substitutions; a teacher reads her own.
  'substitution.list': 'HDT',
  'substitution.options': 'HD',
  'substitution.create': 'HD',
  'substitution.end': 'HD',
  'substitution.entries': 'HDT',
  // Backups and restore: the head alone; restoring at first run has no account yet.
  'backup.export': 'H',
  'backup.restore': 'H',
  'backup.restoreSetup': 'public',
  'backup.getAuto': 'H',
  'backup.saveAuto': 'H',
  'backup.status': 'H',
  // Browser mode's folder picker for those backups (the desktop opens the system's dialog).
  'backup.browse': 'H',
  'backup.browseSetup': 'public',
  // Issue 17: everyone may see the About screen (version, data folder, update state) and report
  // a window's unsaved input; only the head is told of a new version and decides its install.
  'app.about': 'session',
  'session.setDirty': 'session',
  'update.status': 'H',
  'update.check': 'H',
  'update.install': 'H',
  // 4: everyone mails staff and parents (a teacher her groups' parents, by the access scope);
  // a teacher sends a child's progress; the head keeps the mail server's settings.
  'mail.inbox': 'HDTSN',
  'mail.sent': 'HDTSN',
  'mail.get': 'HDTSN',
  'mail.unread': 'HDTSN',
  'mail.recipients': 'HDTSN',
  'mail.send': 'HDTSN',
  'mail.remove': 'HDTSN',
  'mail.parentRecipients': 'HDTSN',
  'mail.sendToParents': 'HDTSN',
  'mail.sendProgress': 'T',
  'mail.outbox': 'HDTSN',
  'mail.outboxRow': 'HDTSN',
  'mail.resend': 'HDTSN',
  'mail.settings': 'H',
  'mail.saveSettings': 'H',
  'mail.testMessage': 'H',
  // Issue 16: the audit log is the head's (roles table: "audit log: head"); reading only.
  'audit.list': 'H',
  'audit.export': 'H',
  'audit.options': 'H',
  // A child's data on request: head or deputy (5); retention and anonymising: the head (6).
  'privacy.childExport': 'HD',
  'privacy.retention': 'H',
  'privacy.setRetention': 'H',
  'privacy.anonymise': 'H',
  // Everyone acknowledges the privacy notice for herself (5, 6).
  'privacy.acknowledge': 'session',
  // Issue 18: at first run, before any account exists, a PC chooses the kindergarten's server.
  'client.connect': 'public',
};

function asLetters(access: (typeof PERMISSIONS)[Method]): string {
  if (access === 'public' || access === 'session') return access;
  return Object.keys(LETTER)
    .filter((letter) => access.includes(LETTER[letter]))
    .join('');
}

describe('the method permission table', () => {
  it('covers every method of the contract in the hand-written matrix', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives each method exactly the roles the rules give it', () => {
    const found = Object.fromEntries(
      (Object.keys(contract) as Method[]).map((m) => [m, asLetters(PERMISSIONS[m])]),
    );
    expect(found).toEqual(GOLDEN);
  });
});
