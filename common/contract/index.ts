import type { z } from 'zod';
import { appContract } from './app';
import { auditContract } from './audit';
import { assessmentContract } from './assessment';
import { attendanceContract } from './attendance';
import { authContract } from './auth';
import { backupContract } from './backup';
import { calendarContract } from './calendar';
import { clientContract } from './client';
import { peopleContract } from './people';
import { applicationsContract } from './applications';
import { releaseContract } from './release';
import { planningContract } from './planning';
import { privacyContract } from './privacy';
import { journalsContract } from './journals';
import { mailContract } from './mail';
import { overviewContract } from './overview';
import { supervisionContract } from './supervision';
import { substitutionContract } from './substitution';
import { settingsContract } from './settings';
import { usersContract } from './users';

/** Every API method, by name. Both transports and the renderer's client derive from this. */
export const contract = {
  ...appContract,
  ...authContract,
  ...usersContract,
  ...settingsContract,
  ...peopleContract,
  ...applicationsContract,
  ...attendanceContract,
  ...calendarContract,
  ...planningContract,
  ...assessmentContract,
  ...journalsContract,
  ...supervisionContract,
  ...substitutionContract,
  ...backupContract,
  ...releaseContract,
  ...mailContract,
  ...overviewContract,
  ...auditContract,
  ...privacyContract,
  ...clientContract,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Exclude<Contract[M]['output'], undefined>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { AppState, Now, AppPhase } from './app';
export type { SessionInfo } from './auth';
export type { UserSummary } from './users';
