import { WorkingCalendar } from '../../common/calendar';
import type { Input, Method, Output } from '../../common/contract';
import type { Role } from '../../common/roles';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import type { SessionState, SessionUser } from '../../electron/api/session';
import type { CallResult } from '../../common/errors';
import type { ScryptParams } from '../../database/keyslots';
import { Random } from './random';

export interface DemoAccount {
  role: Role;
  username: string;
  fullName: string;
  password: string;
}

/** Every account's password once it has logged in; the temporary one the head gives first. */
export const PASSWORD = 'demo-parole-2026';
const TEMPORARY = 'pagaidu-parole-2026';

/** What the generator calls: one PC's Router, or (the tests on PostgreSQL) a server's client. */
export interface SeedRouter {
  readonly state: SessionState;
  call(method: string, input: unknown): Promise<CallResult>;
  dispose(): Promise<void>;
}

/**
 * The program's own API (router → validation → services) with the backend clock under the
 * generator's hand, so that generated data obeys the same rules as typed data.
 */
export class SeedApi {
  readonly router: SeedRouter;
  readonly random: Random;
  /** The working days as the program sees them; the closures the head adds replace it. */
  calendar = new WorkingCalendar();
  readonly accounts: DemoAccount[] = [];
  private readonly clock: TestClock;
  private readonly users = new Map<string, SessionUser>();

  constructor(options: {
    dataDir: string;
    start: string;
    seed: number;
    scrypt?: ScryptParams;
    /** Another backend than one PC's Router on `dataDir`, given the generator's clock. */
    router?: (clock: TestClock) => SeedRouter;
  }) {
    this.random = new Random(options.seed);
    this.clock = new TestClock(new Date(options.start));
    this.router =
      options.router?.(this.clock) ??
      new Router({
        dataDir: options.dataDir,
        clock: this.clock,
        testMode: true,
        scrypt: options.scrypt,
      });
  }

  /** Sets the backend clock to a Riga wall-clock time (winter/summer time handled). */
  at(date: string, time: string): void {
    const guess = new Date(`${date}T${time}:00Z`);
    const riga = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Riga',
      hour: '2-digit',
      hour12: false,
    }).format(guess);
    const offsetHours = (Number(riga) - guess.getUTCHours() + 24) % 24;
    this.clock.set(new Date(guess.getTime() - offsetHours * 3600_000));
    this.router.state.touch();
  }

  /** The backend clock's instant. */
  now(): Date {
    return this.clock.now();
  }

  async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await this.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result as Output<M>;
  }

  /**
   * Calls the API as a given user, the way the UI would after that user logged in (the session
   * is switched in place: logging in each time would cost a key derivation per call).
   */
  async as<M extends Method>(username: string, method: M, input: Input<M>): Promise<Output<M>> {
    const user = this.users.get(username);
    if (!user) throw new Error(`No such seeded user: ${username}`);
    this.router.state.user = user;
    this.router.state.touch();
    return this.call(method, input);
  }

  userId(username: string): number {
    return this.users.get(username)!.id;
  }

  /** The head made at setup: her session is the one the router holds now. */
  addHead(username: string, fullName: string): void {
    this.users.set(username, { ...this.router.state.user! });
    this.accounts.push({ role: 'head', username, fullName, password: PASSWORD });
  }

  /** A staff account made by the head; it logs in once and sets its own password. */
  async addUser(role: Role, username: string, fullName: string): Promise<void> {
    const created = await this.as('vaditaja', 'users.create', {
      username,
      fullName,
      role,
      temporaryPassword: TEMPORARY,
    });
    this.users.set(username, { ...created, mustChangePassword: false });
    this.accounts.push({ role, username, fullName, password: PASSWORD });
    // Each account logs in once and sets its own password, as staff do at first login.
    await this.call('auth.login', { username, password: TEMPORARY });
    await this.call('auth.changePassword', {
      currentPassword: TEMPORARY,
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    });
  }
}
