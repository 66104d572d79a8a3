import { addMonths } from '../../common/dates';
import { audit } from '../../electron/api/audit/audit';
import type { SeedApi } from './api';

/**
 * Ten years of logins in the audit log: each member of staff logs in on each working day (now
 * and then one is away). Logging in through the API costs a key derivation (scrypt, about half a
 * second) each, hours for ten years, so the rows are written by the function the login itself
 * writes them with (electron/api/auth/service.ts, unlock), at the time of day each would log in.
 */
export async function seedLogins(api: SeedApi, usernames: string[], first: string, last: string) {
  const random = api.random;
  const db = api.router.state.db;
  for (let m = first.slice(0, 7); m <= last.slice(0, 7);) {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    const days = api.calendar.workingDaysOfMonth(y, mo).filter((d) => d >= first && d <= last);
    const logins: { at: Date; userId: number }[] = [];
    for (const day of days) {
      for (const username of usernames) {
        if (random.chance(0.06)) continue;
        api.at(day, `0${random.int(7, 8)}:${String(random.int(0, 59)).padStart(2, '0')}`);
        logins.push({ at: api.now(), userId: api.userId(username) });
      }
    }
    await db.transaction(async (t) => {
      for (const { at, userId } of logins) {
        await audit(t, at, {
          action: 'auth.login.success',
          actorId: userId,
          entity: 'user',
          entityId: userId,
        });
      }
    });
    m = addMonths(m, 1);
  }
}
