import type { Locale } from './locale';

/**
 * Every kind of audit event, named `<domain>.<entity>.<verb>`, with its name in the UI
 * languages. The audit service takes only these (`AuditAction`), so a free string does not
 * compile; the viewer and its XLSX show the names; migration 0014 maps the older names to these.
 */
export const AUDIT_ACTIONS = {
  'auth.institution.setup': { lv: 'Iestāde izveidota', en: 'Institution set up' },
  'auth.login.success': { lv: 'Pieslēgšanās', en: 'Login' },
  'auth.login.fail': { lv: 'Neveiksmīga pieslēgšanās', en: 'Failed login' },
  'auth.login.lockout': { lv: 'Konts īslaicīgi bloķēts', en: 'Account locked' },
  'auth.session.logout': { lv: 'Atslēgšanās', en: 'Logout' },
  'auth.session.expire': { lv: 'Atslēgts neaktivitātes dēļ', en: 'Logged out when idle' },
  'auth.session.move': {
    lv: 'Sesija beigta: pieprasījums no citas adreses',
    en: 'Session ended: a call from another address',
  },
  'auth.password.change': { lv: 'Parole nomainīta', en: 'Password changed' },
  'auth.password.recover': {
    lv: 'Parole atjaunota ar atjaunošanas atslēgu',
    en: 'Password recovered with the recovery key',
  },
  'auth.recoveryKey.confirm': { lv: 'Atjaunošanas atslēga saglabāta', en: 'Recovery key stored' },
  'auth.recoveryKey.replace': { lv: 'Jauna atjaunošanas atslēga', en: 'New recovery key' },
  'users.account.create': { lv: 'Lietotājs izveidots', en: 'User created' },
  'users.account.update': { lv: 'Lietotājs labots', en: 'User edited' },
  'users.account.deactivate': { lv: 'Lietotājs deaktivizēts', en: 'User deactivated' },
  'users.password.reset': { lv: 'Parole atiestatīta', en: 'Password reset' },
  'settings.institution.update': { lv: 'Iestatījumi mainīti', en: 'Settings changed' },
  'people.group.create': { lv: 'Grupa izveidota', en: 'Group created' },
  'people.group.update': { lv: 'Grupa labota', en: 'Group edited' },
  'people.groupTeacher.assign': { lv: 'Skolotājs piesaistīts grupai', en: 'Teacher assigned' },
  'people.groupTeacher.end': { lv: 'Skolotāja darbs grupā beigts', en: 'Teacher’s period ended' },
  'people.child.create': { lv: 'Bērns pievienots', en: 'Child added' },
  'people.child.update': { lv: 'Bērna dati laboti', en: 'Child edited' },
  'people.child.move': { lv: 'Bērns pārcelts uz citu grupu', en: 'Child moved' },
  'people.child.leave': { lv: 'Bērns atskaitīts', en: 'Child left' },
  'people.child.revealCode': { lv: 'Skatīts personas kods', en: 'Personal code shown' },
  'people.guardian.create': { lv: 'Vecāks pievienots', en: 'Guardian added' },
  'people.guardian.update': { lv: 'Vecāka dati laboti', en: 'Guardian edited' },
  'people.guardian.link': { lv: 'Vecāks piesaistīts bērnam', en: 'Guardian linked' },
  'people.guardian.unlink': { lv: 'Vecāks atsaistīts', en: 'Guardian unlinked' },
  'people.application.create': { lv: 'Iesniegums reģistrēts', en: 'Application registered' },
  'people.application.connect': { lv: 'Vecāks pieslēgts', en: 'Parent connected' },
  'people.application.refuse': { lv: 'Iesniegums noraidīts', en: 'Application refused' },
  'people.application.print': { lv: 'Iesnieguma PDF', en: 'Application PDF' },
  'people.import.confirm': { lv: 'Bērnu imports', en: 'Children imported' },
  'attendance.mark.save': { lv: 'Apmeklējuma atzīmes', en: 'Attendance marks' },
  'attendance.mark.correct': { lv: 'Māsas labojums', en: 'Nurse’s correction' },
  'attendance.day.confirm': { lv: 'Apmeklējums apstiprināts', en: 'Attendance confirmed' },
  'attendance.nurseCheck.confirm': { lv: 'Māsas pārbaude', en: 'Nurse’s check' },
  'calendar.day.add': { lv: 'Kalendāra diena pievienota', en: 'Calendar day added' },
  'calendar.day.remove': { lv: 'Kalendāra diena dzēsta', en: 'Calendar day removed' },
  'planning.topic.create': { lv: 'Pievienots temats', en: 'Topic added' },
  'planning.topic.update': { lv: 'Labots temats', en: 'Topic edited' },
  'planning.topic.delete': { lv: 'Dzēsts temats', en: 'Topic deleted' },
  'planning.topic.copy': { lv: 'Temats kopēts', en: 'Topic copied' },
  'planning.plan.submit': { lv: 'Plāns iesniegts', en: 'Plan submitted' },
  'planning.plan.amend': { lv: 'Plāns papildināts', en: 'Plan amended' },
  'assessment.mark.save': { lv: 'Vērtējumi', en: 'Marks' },
  'journals.entry.create': { lv: 'Individuālā darba ieraksts', en: 'Individual work entry' },
  'journals.entry.update': {
    lv: 'Labots individuālā darba ieraksts',
    en: 'Individual work entry edited',
  },
  'journals.entry.delete': {
    lv: 'Dzēsts individuālā darba ieraksts',
    en: 'Individual work entry deleted',
  },
  'journals.talk.create': { lv: 'Saruna ar vecākiem', en: 'Talk with parents' },
  'journals.talk.update': { lv: 'Labota saruna ar vecākiem', en: 'Talk with parents edited' },
  'journals.talk.delete': { lv: 'Dzēsta saruna ar vecākiem', en: 'Talk with parents deleted' },
  'supervision.diary.create': { lv: 'Dienasgrāmatas ieraksts', en: 'Diary entry' },
  'supervision.diary.update': { lv: 'Labots dienasgrāmatas ieraksts', en: 'Diary entry edited' },
  'supervision.diary.delete': { lv: 'Dzēsts dienasgrāmatas ieraksts', en: 'Diary entry deleted' },
  'supervision.check.create': { lv: 'Žurnāla pārbaude', en: 'Journal check' },
  'supervision.check.update': { lv: 'Labota žurnāla pārbaude', en: 'Journal check edited' },
  'supervision.check.delete': { lv: 'Dzēsta žurnāla pārbaude', en: 'Journal check deleted' },
  'substitution.period.create': { lv: 'Aizvietošana reģistrēta', en: 'Substitution recorded' },
  'substitution.period.end': { lv: 'Aizvietošana beigta', en: 'Substitution ended' },
  'substitution.period.remove': { lv: 'Aizvietošana dzēsta', en: 'Substitution removed' },
  'backup.file.export': { lv: 'Rezerves kopija izveidota', en: 'Backup made' },
  'backup.file.restore': { lv: 'Atjaunots no rezerves kopijas', en: 'Restored from a backup' },
  'backup.auto.success': { lv: 'Automātiskā rezerves kopija', en: 'Automatic backup' },
  'backup.auto.fail': {
    lv: 'Automātiskā rezerves kopija neizdevās',
    en: 'Automatic backup failed',
  },
  'backup.settings.update': {
    lv: 'Rezerves kopiju iestatījumi mainīti',
    en: 'Backup settings changed',
  },
  'release.update.install': { lv: 'Programmas atjauninājums', en: 'Program update' },
  'audit.log.export': { lv: 'Notikumu žurnāls eksportēts', en: 'Audit log exported' },
  'privacy.child.export': { lv: 'Bērna datu izsniegšana', en: 'Child’s data exported' },
  'privacy.child.anonymise': { lv: 'Bērnu dati anonimizēti', en: 'Children anonymised' },
  'privacy.retention.update': { lv: 'Glabāšanas termiņš mainīts', en: 'Retention changed' },
  'privacy.notice.acknowledge': {
    lv: 'Iepazinies ar privātuma paziņojumu',
    en: 'Privacy notice acknowledged',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_LIST = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The first part of an action's name: what the viewer's "kind" filter groups by. */
export const AUDIT_DOMAINS = {
  auth: { lv: 'Pieslēgšanās', en: 'Login' },
  users: { lv: 'Lietotāji', en: 'Users' },
  settings: { lv: 'Iestatījumi', en: 'Settings' },
  people: { lv: 'Bērni, vecāki, grupas', en: 'Children, parents, groups' },
  attendance: { lv: 'Apmeklējums', en: 'Attendance' },
  calendar: { lv: 'Kalendārs', en: 'Calendar' },
  planning: { lv: 'Plānošana', en: 'Planning' },
  assessment: { lv: 'Vērtējumi', en: 'Marks' },
  journals: { lv: 'Individuālais darbs, sarunas', en: 'Individual work, talks' },
  supervision: { lv: 'Uzraudzība', en: 'Supervision' },
  substitution: { lv: 'Aizvietošana', en: 'Substitution' },
  backup: { lv: 'Rezerves kopijas', en: 'Backups' },
  release: { lv: 'Programma', en: 'Program' },
  audit: { lv: 'Notikumu žurnāls', en: 'Audit log' },
  privacy: { lv: 'Datu aizsardzība', en: 'Data protection' },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditDomain = keyof typeof AUDIT_DOMAINS;

export const AUDIT_DOMAIN_LIST = Object.keys(AUDIT_DOMAINS) as AuditDomain[];

export function auditDomainOf(action: AuditAction): AuditDomain {
  return action.slice(0, action.indexOf('.')) as AuditDomain;
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

/** The action's name in the UI language; an unknown (future) name is shown as it is. */
export function auditActionLabel(action: string, locale: Locale): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][locale] : action;
}
