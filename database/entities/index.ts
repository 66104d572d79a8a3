import { AuditEvent } from './audit-event';
import { Institution } from './institution';
import { User } from './user';

export const ENTITIES = [Institution, User, AuditEvent];
export { AuditEvent, Institution, User };
