import { Client } from 'pg';
import { afterEach } from 'vitest';
import type { Input, Method, Output } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import { openPostgres, type PostgresOptions } from '../../database/postgres';
import { TestClock } from '../../electron/api/clock';
import { ServerRouter, serverRegister } from '../../electron/api/server-router';
import { SETUP, TEST_SCRYPT, tempDir } from '../integration/helpers';
import { freshPostgres } from '../postgres/databases';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The kindergarten's settings as the head saves them in these tests. */
export const SETTINGS = {
  name: 'PII «Zīlīte»',
  regNo: '40900012345',
  address: 'Skolas iela 1, Rīga',
  attendanceDeadline: '09:00',
  idleMinutes: 10,
  schoolYearStart: '09-01',
};

/** One PC's view of the server: its address and the token it was last given. */
export class Pc {
  token?: string;
  constructor(
    private readonly router: ServerRouter,
    readonly address: string,
  ) {}

  async call(method: string, input: unknown): Promise<CallResult> {
    const answer = await this.router.call(
      { address: this.address, token: this.token },
      method,
      input,
    );
    this.token = answer.token;
    return answer.result;
  }

  async ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await this.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.result as Output<M>;
  }
}

/** A server-mode router on a fresh PostgreSQL database, and a way to reach that database. */
export async function serverFixture(
  options: {
    maxIdleMinutes?: number;
    dataDir?: string;
    /** Where the server's pool reaches PostgreSQL instead (a proxy that can be cut). */
    via?: (database: PostgresOptions) => Promise<{ host: string; port: number }>;
  } = {},
) {
  const database: PostgresOptions = await freshPostgres();
  const reach = options.via ? await options.via(database) : {};
  const db = await openPostgres({ ...database, ...reach, poolSize: 6 });
  const clock = new TestClock(new Date('2026-11-30T07:00:00Z'));
  const router = new ServerRouter(
    serverRegister({
      db,
      dataDir: options.dataDir ?? tempDir(),
      clock,
      testMode: true,
      scrypt: TEST_SCRYPT,
      maxIdleMinutes: options.maxIdleMinutes ?? 60,
    }),
  );
  cleanups.push(async () => {
    await router.dispose();
    await db.destroy();
  });
  /** A connection of its own, beside the server's pool (to hold a lock, say). */
  const connect = async (): Promise<Client> => {
    const client = new Client({
      host: database.host,
      port: database.port,
      database: database.database,
      user: database.username,
      password: database.password,
    });
    await client.connect();
    cleanups.push(() => client.end());
    return client;
  };
  const pc = (address: string) => new Pc(router, address);
  return { router, db, clock, connect, pc };
}

/** The head sets the register up from one PC; a teacher gets an account and her own password. */
export async function registerWithTeacher(fixture: Awaited<ReturnType<typeof serverFixture>>) {
  const head = fixture.pc('10.0.0.5');
  await head.ok('auth.setup', SETUP);
  await head.ok('users.create', {
    username: 'anna',
    fullName: 'Anna Kalniņa',
    role: 'teacher',
    temporaryPassword: 'pagaidu-parole-1',
  });
  const teacher = fixture.pc('10.0.0.17');
  await teacher.ok('auth.login', { username: 'anna', password: 'pagaidu-parole-1' });
  await teacher.ok('auth.changePassword', {
    currentPassword: 'pagaidu-parole-1',
    newPassword: 'annas-parole-12',
    newPasswordRepeat: 'annas-parole-12',
  });
  return { head, teacher };
}
