import { ACCOUNT_ENTITIES } from './accounts';
import { ATTENDANCE_ENTITIES } from './attendance';
import { AuditEvent, AuditEventChild } from './audit-event';
import { BACKUP_ENTITIES } from './backup';
import { Institution } from './institution';
import { PEOPLE_ENTITIES } from './people';
import { PLANNING_ENTITIES } from './planning';
import { JOURNALS_ENTITIES } from './journals';
import { MAIL_ENTITIES } from './mail';
import { SUPERVISION_ENTITIES } from './supervision';
import { SUBSTITUTION_ENTITIES } from './substitution';
import { User } from './user';

/** Every entity TypeORM knows; each domain lists its own in its file. */
export const ENTITIES = [
  Institution,
  User,
  AuditEvent,
  AuditEventChild,
  ...PEOPLE_ENTITIES,
  ...ATTENDANCE_ENTITIES,
  ...PLANNING_ENTITIES,
  ...JOURNALS_ENTITIES,
  ...SUPERVISION_ENTITIES,
  ...SUBSTITUTION_ENTITIES,
  ...BACKUP_ENTITIES,
  ...MAIL_ENTITIES,
  ...ACCOUNT_ENTITIES,
];
export { AuditEvent, AuditEventChild, Institution, User };
