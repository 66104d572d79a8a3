import type { DataSource } from 'typeorm';
import type { CallResult } from '../../common/errors';
import type { ScryptParams } from '../../database/kdf';
import { openPostgres, type PostgresOptions } from '../../database/postgres';
import type { Clock } from '../../electron/api/clock';
import type { OutboxWorker } from '../../electron/api/mail/worker';
import { ServerRouter, serverRegister } from '../../electron/api/server-router';
import type { SessionState } from '../../electron/api/session';
import { afterAll } from 'vitest';
import { freshPostgres } from './databases';

/** Test backends that share a data folder share a database too ("a new process"). */
const databases = new Map<string, Promise<PostgresOptions>>();
/** The same for folders a whole test file shares (`fileDatabase`): kept until its end. */
const fileDatabases = new Map<string, Promise<PostgresOptions>>();
afterAll(() => fileDatabases.clear());

/**
 * Gives a data folder a database that lives until the end of the test file, for a dataset built
 * once in beforeAll and read by every test (one test's database goes after that test).
 */
export function fileDatabase(dataDir: string): void {
  if (!fileDatabases.has(dataDir)) fileDatabases.set(dataDir, freshPostgres(true, 'file'));
}

/** A documentation address (RFC 5737): the client every test session comes from. */
export const TEST_CLIENT_ADDRESS = '192.0.2.10';

/**
 * One client of a server-mode backend on a fresh PostgreSQL database, used where the single-PC
 * tests use a Router: calls one at a time, its session token kept here as a client PC's main
 * process keeps it, `state` the server's state of that session.
 */
export class ServerTestClient {
  private token?: string;
  private server?: ServerRouter;
  private db?: DataSource;
  private readonly ready: Promise<ServerRouter>;

  constructor(dataDir: string, clock: Clock, scrypt: ScryptParams) {
    this.ready = this.start(dataDir, clock, scrypt);
  }

  private async start(dataDir: string, clock: Clock, scrypt: ScryptParams): Promise<ServerRouter> {
    let options = databases.get(dataDir) ?? fileDatabases.get(dataDir);
    if (!options) {
      options = freshPostgres();
      databases.set(dataDir, options);
    }
    this.db = await openPostgres({ ...(await options), poolSize: 4 });
    const register = serverRegister({
      db: this.db,
      dataDir,
      clock,
      testMode: true,
      scrypt,
      maxIdleMinutes: 24 * 60,
    });
    this.server = new ServerRouter(register);
    return this.server;
  }

  async call(method: string, input: unknown): Promise<CallResult> {
    const server = await this.ready;
    const answer = await server.call(
      { address: TEST_CLIENT_ADDRESS, token: this.token },
      method,
      input,
    );
    this.token = answer.token;
    return answer.result;
  }

  get state(): SessionState {
    const state = this.token ? this.server?.stateOf(this.token) : undefined;
    if (!state) throw new Error('No session yet: call the server first');
    return state;
  }

  /** The register's one outbox worker (the same for every client of this server). */
  get outbox(): OutboxWorker {
    if (!this.server) throw new Error('The server has not started yet');
    return this.server.register.outbox;
  }

  /** The server's pool, whether or not this client is logged in. */
  get database(): DataSource {
    if (!this.db) throw new Error('The server has not started yet');
    return this.db;
  }

  async dispose(): Promise<void> {
    const server = await this.ready.catch(() => undefined);
    await server?.dispose();
    if (this.db?.isInitialized) await this.db.destroy();
  }
}

/** Forgets which folders had which database (the databases themselves go after each test). */
export function forgetDatabases(): void {
  databases.clear();
}
