import { Initial0000000000001 } from './0001-initial';
import { People0000000000002 } from './0002-people';
import { Attendance0000000000003 } from './0003-attendance';
import { Backup0000000000004 } from './0004-backup';
import { Settings0000000000005 } from './0005-settings';
import { Planning0000000000006 } from './0006-planning';

/** Every migration, in order. A new one is a new numbered file added at the end. */
export const MIGRATIONS = [
  Initial0000000000001,
  People0000000000002,
  Attendance0000000000003,
  Backup0000000000004,
  Settings0000000000005,
  Planning0000000000006,
];
