import { Initial0000000000001 } from './0001-initial';
import { People0000000000002 } from './0002-people';
import { Attendance0000000000003 } from './0003-attendance';
import { Backup0000000000004 } from './0004-backup';
import { Settings0000000000005 } from './0005-settings';
import { Planning0000000000006 } from './0006-planning';
import { Journals0000000000007 } from './0007-journals';
import { Supervision0000000000008 } from './0008-supervision';
import { Substitution0000000000009 } from './0009-substitution';
import { InstitutionNotNull0000000000010 } from './0010-institution-not-null';
import { Mail0000000000012 } from './0012-mail';
import { Privacy0000000000014 } from './0014-privacy';
import { HistoryIndexes0000000000015 } from './0015-history-indexes';
import { ServerAccounts0000000000016 } from './0016-server-accounts';
import { TopicVersion0000000000017 } from './0017-topic-version';
import { AuditStorage0000000000018 } from './0018-audit-storage';

/** Every migration, in order. A new one is a new numbered file added at the end. */
export const MIGRATIONS = [
  Initial0000000000001,
  People0000000000002,
  Attendance0000000000003,
  Backup0000000000004,
  Settings0000000000005,
  Planning0000000000006,
  Journals0000000000007,
  Supervision0000000000008,
  Substitution0000000000009,
  InstitutionNotNull0000000000010,
  Mail0000000000012,
  Privacy0000000000014,
  HistoryIndexes0000000000015,
  ServerAccounts0000000000016,
  TopicVersion0000000000017,
  AuditStorage0000000000018,
];
