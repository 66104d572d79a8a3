import type { Locale } from './locale';

/**
 * Every kind of audit event, named `<domain>.<entity>.<verb>`, with its name in the UI
 * languages. The audit service takes only these (`AuditAction`), so a free string does not
 * compile; the viewer and its XLSX show the names; migration 0014 maps the older names to these.
 */
export const AUDIT_ACTIONS = {
  'auth.institution.setup': {
    lv: 'Iestāde izveidota',
    en: 'Institution set up',
    ru: 'Учреждение создано',
  },
  'auth.login.success': { lv: 'Pieslēgšanās', en: 'Login', ru: 'Вход в систему' },
  'auth.login.fail': { lv: 'Neveiksmīga pieslēgšanās', en: 'Failed login', ru: 'Неудачный вход' },
  'auth.login.lockout': {
    lv: 'Konts īslaicīgi bloķēts',
    en: 'Account locked',
    ru: 'Учётная запись временно заблокирована',
  },
  'auth.session.logout': { lv: 'Atslēgšanās', en: 'Logout', ru: 'Выход из системы' },
  'auth.session.expire': {
    lv: 'Atslēgts neaktivitātes dēļ',
    en: 'Logged out when idle',
    ru: 'Выход из-за отсутствия активности',
  },
  'auth.session.move': {
    lv: 'Sesija beigta: pieprasījums no citas adreses',
    en: 'Session ended: a call from another address',
    ru: 'Сеанс завершён: запрос с другого адреса',
  },
  'auth.password.change': { lv: 'Parole nomainīta', en: 'Password changed', ru: 'Пароль изменён' },
  'auth.password.recover': {
    lv: 'Parole atjaunota ar atjaunošanas atslēgu',
    en: 'Password recovered with the recovery key',
    ru: 'Пароль восстановлен ключом восстановления',
  },
  'auth.recoveryKey.confirm': {
    lv: 'Atjaunošanas atslēga saglabāta',
    en: 'Recovery key stored',
    ru: 'Ключ восстановления сохранён',
  },
  'auth.recoveryKey.replace': {
    lv: 'Jauna atjaunošanas atslēga',
    en: 'New recovery key',
    ru: 'Новый ключ восстановления',
  },
  'users.account.create': {
    lv: 'Lietotājs izveidots',
    en: 'User created',
    ru: 'Пользователь создан',
  },
  'users.account.update': { lv: 'Lietotājs labots', en: 'User edited', ru: 'Пользователь изменён' },
  'users.account.deactivate': {
    lv: 'Lietotājs deaktivizēts',
    en: 'User deactivated',
    ru: 'Пользователь отключён',
  },
  'users.password.reset': { lv: 'Parole atiestatīta', en: 'Password reset', ru: 'Пароль сброшен' },
  'settings.institution.update': {
    lv: 'Iestatījumi mainīti',
    en: 'Settings changed',
    ru: 'Настройки изменены',
  },
  'people.group.create': { lv: 'Grupa izveidota', en: 'Group created', ru: 'Группа создана' },
  'people.group.update': { lv: 'Grupa labota', en: 'Group edited', ru: 'Группа изменена' },
  'people.groupTeacher.assign': {
    lv: 'Skolotājs piesaistīts grupai',
    en: 'Teacher assigned',
    ru: 'Воспитатель назначен в группу',
  },
  'people.groupTeacher.end': {
    lv: 'Skolotāja darbs grupā beigts',
    en: 'Teacher’s period ended',
    ru: 'Работа воспитателя в группе завершена',
  },
  'people.child.create': { lv: 'Bērns pievienots', en: 'Child added', ru: 'Ребёнок добавлен' },
  'people.child.update': {
    lv: 'Bērna dati laboti',
    en: 'Child edited',
    ru: 'Данные ребёнка изменены',
  },
  'people.child.move': {
    lv: 'Bērns pārcelts uz citu grupu',
    en: 'Child moved',
    ru: 'Ребёнок переведён в другую группу',
  },
  'people.child.leave': { lv: 'Bērns atskaitīts', en: 'Child left', ru: 'Ребёнок отчислен' },
  'people.child.revealCode': {
    lv: 'Skatīts personas kods',
    en: 'Personal code shown',
    ru: 'Просмотрен персональный код',
  },
  'people.guardian.create': {
    lv: 'Vecāks pievienots',
    en: 'Guardian added',
    ru: 'Родитель добавлен',
  },
  'people.guardian.update': {
    lv: 'Vecāka dati laboti',
    en: 'Guardian edited',
    ru: 'Данные родителя изменены',
  },
  'people.guardian.link': {
    lv: 'Vecāks piesaistīts bērnam',
    en: 'Guardian linked',
    ru: 'Родитель связан с ребёнком',
  },
  'people.guardian.unlink': {
    lv: 'Vecāks atsaistīts',
    en: 'Guardian unlinked',
    ru: 'Связь с родителем снята',
  },
  'people.application.create': {
    lv: 'Iesniegums reģistrēts',
    en: 'Application registered',
    ru: 'Заявление зарегистрировано',
  },
  'people.application.connect': {
    lv: 'Vecāks pieslēgts',
    en: 'Parent connected',
    ru: 'Родитель подключён',
  },
  'people.application.refuse': {
    lv: 'Iesniegums noraidīts',
    en: 'Application refused',
    ru: 'Заявление отклонено',
  },
  'people.application.print': { lv: 'Iesnieguma PDF', en: 'Application PDF', ru: 'PDF заявления' },
  'people.import.confirm': { lv: 'Bērnu imports', en: 'Children imported', ru: 'Импорт детей' },
  'attendance.mark.save': {
    lv: 'Apmeklējuma atzīmes',
    en: 'Attendance marks',
    ru: 'Отметки посещаемости',
  },
  'attendance.mark.correct': {
    lv: 'Māsas labojums',
    en: 'Nurse’s correction',
    ru: 'Исправление медсестры',
  },
  'attendance.day.confirm': {
    lv: 'Apmeklējums apstiprināts',
    en: 'Attendance confirmed',
    ru: 'Посещаемость подтверждена',
  },
  'attendance.nurseCheck.confirm': {
    lv: 'Māsas pārbaude',
    en: 'Nurse’s check',
    ru: 'Проверка медсестры',
  },
  'calendar.day.add': {
    lv: 'Kalendāra diena pievienota',
    en: 'Calendar day added',
    ru: 'День календаря добавлен',
  },
  'calendar.day.remove': {
    lv: 'Kalendāra diena dzēsta',
    en: 'Calendar day removed',
    ru: 'День календаря удалён',
  },
  'planning.topic.create': { lv: 'Pievienots temats', en: 'Topic added', ru: 'Тема добавлена' },
  'planning.topic.update': { lv: 'Labots temats', en: 'Topic edited', ru: 'Тема изменена' },
  'planning.topic.delete': { lv: 'Dzēsts temats', en: 'Topic deleted', ru: 'Тема удалена' },
  'planning.topic.copy': { lv: 'Temats kopēts', en: 'Topic copied', ru: 'Тема скопирована' },
  'planning.plan.submit': { lv: 'Plāns iesniegts', en: 'Plan submitted', ru: 'План сдан' },
  'planning.plan.amend': { lv: 'Plāns papildināts', en: 'Plan amended', ru: 'План дополнен' },
  'assessment.mark.save': { lv: 'Vērtējumi', en: 'Marks', ru: 'Оценки' },
  'journals.entry.create': {
    lv: 'Individuālā darba ieraksts',
    en: 'Individual work entry',
    ru: 'Запись индивидуальной работы',
  },
  'journals.entry.update': {
    lv: 'Labots individuālā darba ieraksts',
    en: 'Individual work entry edited',
    ru: 'Запись индивидуальной работы изменена',
  },
  'journals.entry.delete': {
    lv: 'Dzēsts individuālā darba ieraksts',
    en: 'Individual work entry deleted',
    ru: 'Запись индивидуальной работы удалена',
  },
  'journals.talk.create': {
    lv: 'Saruna ar vecākiem',
    en: 'Talk with parents',
    ru: 'Беседа с родителями',
  },
  'journals.talk.update': {
    lv: 'Labota saruna ar vecākiem',
    en: 'Talk with parents edited',
    ru: 'Беседа с родителями изменена',
  },
  'journals.talk.delete': {
    lv: 'Dzēsta saruna ar vecākiem',
    en: 'Talk with parents deleted',
    ru: 'Беседа с родителями удалена',
  },
  'mail.message.send': { lv: 'Nosūtīta vēstule', en: 'Message sent', ru: 'Письмо отправлено' },
  'mail.message.remove': {
    lv: 'Vēstule noņemta no sava saraksta',
    en: 'Message removed from own list',
    ru: 'Письмо убрано из своего списка',
  },
  'mail.parents.send': {
    lv: 'E-pasts vecākiem ielikts rindā',
    en: 'E-mail to parents queued',
    ru: 'Письмо родителям поставлено в очередь',
  },
  'mail.progress.send': {
    lv: 'Sasniegumi nosūtīti vecākiem',
    en: 'Progress sent to parents',
    ru: 'Достижения отправлены родителям',
  },
  'mail.outbox.resend': {
    lv: 'E-pasts sūtīts vēlreiz',
    en: 'E-mail resent',
    ru: 'Письмо отправлено повторно',
  },
  'mail.outbox.test': {
    lv: 'Pārbaudes vēstule',
    en: 'Test message',
    ru: 'Проверочное письмо',
  },
  'mail.settings.update': {
    lv: 'E-pasta servera iestatījumi mainīti',
    en: 'Mail server settings changed',
    ru: 'Настройки почтового сервера изменены',
  },
  'supervision.diary.create': {
    lv: 'Dienasgrāmatas ieraksts',
    en: 'Diary entry',
    ru: 'Запись дневника',
  },
  'supervision.diary.update': {
    lv: 'Labots dienasgrāmatas ieraksts',
    en: 'Diary entry edited',
    ru: 'Запись дневника изменена',
  },
  'supervision.diary.delete': {
    lv: 'Dzēsts dienasgrāmatas ieraksts',
    en: 'Diary entry deleted',
    ru: 'Запись дневника удалена',
  },
  'supervision.check.create': {
    lv: 'Žurnāla pārbaude',
    en: 'Journal check',
    ru: 'Проверка журнала',
  },
  'supervision.check.update': {
    lv: 'Labota žurnāla pārbaude',
    en: 'Journal check edited',
    ru: 'Проверка журнала изменена',
  },
  'supervision.check.delete': {
    lv: 'Dzēsta žurnāla pārbaude',
    en: 'Journal check deleted',
    ru: 'Проверка журнала удалена',
  },
  'substitution.period.create': {
    lv: 'Aizvietošana reģistrēta',
    en: 'Substitution recorded',
    ru: 'Замещение зарегистрировано',
  },
  'substitution.period.end': {
    lv: 'Aizvietošana beigta',
    en: 'Substitution ended',
    ru: 'Замещение завершено',
  },
  'substitution.period.remove': {
    lv: 'Aizvietošana dzēsta',
    en: 'Substitution removed',
    ru: 'Замещение удалено',
  },
  'backup.file.export': {
    lv: 'Rezerves kopija izveidota',
    en: 'Backup made',
    ru: 'Резервная копия создана',
  },
  'backup.file.restore': {
    lv: 'Atjaunots no rezerves kopijas',
    en: 'Restored from a backup',
    ru: 'Восстановлено из резервной копии',
  },
  'backup.auto.success': {
    lv: 'Automātiskā rezerves kopija',
    en: 'Automatic backup',
    ru: 'Автоматическая резервная копия',
  },
  'backup.auto.fail': {
    lv: 'Automātiskā rezerves kopija neizdevās',
    en: 'Automatic backup failed',
    ru: 'Автоматическая резервная копия не удалась',
  },
  'backup.settings.update': {
    lv: 'Rezerves kopiju iestatījumi mainīti',
    en: 'Backup settings changed',
    ru: 'Настройки резервных копий изменены',
  },
  'release.update.install': {
    lv: 'Programmas atjauninājums',
    en: 'Program update',
    ru: 'Обновление программы',
  },
  'audit.log.export': {
    lv: 'Notikumu žurnāls eksportēts',
    en: 'Audit log exported',
    ru: 'Журнал событий экспортирован',
  },
  'privacy.child.export': {
    lv: 'Bērna datu izsniegšana',
    en: 'Child’s data exported',
    ru: 'Выдача данных ребёнка',
  },
  'privacy.child.anonymise': {
    lv: 'Bērnu dati anonimizēti',
    en: 'Children anonymised',
    ru: 'Данные детей анонимизированы',
  },
  'privacy.retention.update': {
    lv: 'Glabāšanas termiņš mainīts',
    en: 'Retention changed',
    ru: 'Срок хранения изменён',
  },
  'privacy.notice.acknowledge': {
    lv: 'Iepazinies ar privātuma paziņojumu',
    en: 'Privacy notice acknowledged',
    ru: 'Ознакомлен(а) с уведомлением о конфиденциальности',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_LIST = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The first part of an action's name: what the viewer's "kind" filter groups by. */
export const AUDIT_DOMAINS = {
  auth: { lv: 'Pieslēgšanās', en: 'Login', ru: 'Вход в систему' },
  users: { lv: 'Lietotāji', en: 'Users', ru: 'Пользователи' },
  settings: { lv: 'Iestatījumi', en: 'Settings', ru: 'Настройки' },
  people: {
    lv: 'Bērni, vecāki, grupas',
    en: 'Children, parents, groups',
    ru: 'Дети, родители, группы',
  },
  attendance: { lv: 'Apmeklējums', en: 'Attendance', ru: 'Посещаемость' },
  calendar: { lv: 'Kalendārs', en: 'Calendar', ru: 'Календарь' },
  planning: { lv: 'Plānošana', en: 'Planning', ru: 'Планирование' },
  assessment: { lv: 'Vērtējumi', en: 'Marks', ru: 'Оценки' },
  journals: {
    lv: 'Individuālais darbs, sarunas',
    en: 'Individual work, talks',
    ru: 'Индивидуальная работа, беседы',
  },
  supervision: { lv: 'Uzraudzība', en: 'Supervision', ru: 'Контроль' },
  substitution: { lv: 'Aizvietošana', en: 'Substitution', ru: 'Замещение' },
  backup: { lv: 'Rezerves kopijas', en: 'Backups', ru: 'Резервные копии' },
  release: { lv: 'Programma', en: 'Program', ru: 'Программа' },
  mail: { lv: 'Pasts', en: 'Mail', ru: 'Почта' },
  audit: { lv: 'Notikumu žurnāls', en: 'Audit log', ru: 'Журнал событий' },
  privacy: { lv: 'Datu aizsardzība', en: 'Data protection', ru: 'Защита данных' },
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
