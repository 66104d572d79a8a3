import {
  createConnection,
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { registerWithTeacher, serverFixture, SETTINGS } from './fixture';

/**
 * The way from the server to PostgreSQL, cut and restored at will: a TCP proxy on 127.0.0.1.
 * Cut, it drops every open connection and every new one, as a database host that went away.
 */
class Cable {
  private readonly sockets = new Set<Socket>();
  private down = false;
  private constructor(private readonly server: Server) {}

  static async to(host: string, port: number): Promise<Cable> {
    const server = createServer();
    const cable = new Cable(server);
    server.on('connection', (client) => {
      if (cable.down) return void client.destroy();
      const upstream = createConnection({ host, port });
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        cable.sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          cable.sockets.delete(a);
          b.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return cable;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const cables: Cable[] = [];
afterEach(async () => {
  for (const cable of cables.splice(0)) await cable.close();
});

const UNAVAILABLE = {
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message:
      'Serveris nevar sazināties ar datubāzi. Izmaiņas netika saglabātas; mēģiniet vēlreiz pēc brīža.',
  },
};

describe('server mode when PostgreSQL goes away', () => {
  it('answers a clear error mid-write, keeps no half of it, and works again when the database is back', async () => {
    const f = await serverFixture({
      via: async (database) => {
        const cable = await Cable.to(database.host, database.port);
        cables.push(cable);
        return { host: '127.0.0.1', port: cable.port };
      },
    });
    const cable = cables[0];
    const { head, teacher } = await registerWithTeacher(f);
    await head.ok('settings.update', SETTINGS);
    // Another connection (straight to PostgreSQL) blocks the audit log: the head's save changes
    // the institution's row, then waits to write its audit event in the same transaction.
    const holder = await f.connect();
    const events = async () =>
      Number(
        (await holder.query<{ n: string }>('SELECT count(*) AS n FROM audit_event')).rows[0].n,
      );
    const before = await events();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE audit_event IN EXCLUSIVE MODE');
    const save = head.call('settings.update', { ...SETTINGS, name: 'PII «Zīle»' });
    for (;;) {
      const waiting = await holder.query(
        'SELECT 1 FROM pg_stat_activity WHERE datname = current_database() ' +
          "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
      );
      if (waiting.rowCount) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Half-way through that transaction the database is gone for the server.
    cable.cut();
    expect(await save).toEqual(UNAVAILABLE);
    // While it is gone every call says so at once, reads and logins alike.
    expect(await head.call('settings.get', {})).toEqual(UNAVAILABLE);
    expect(
      await f.pc('10.0.0.18').call('auth.login', { username: 'anna', password: 'annas-parole-12' }),
    ).toEqual(UNAVAILABLE);
    await holder.query('COMMIT');
    // PostgreSQL rolled the half-done save back: neither the new name nor its event is kept.
    const name = await holder.query<{ name: string }>('SELECT name FROM institution WHERE id = 1');
    expect(name.rows[0].name).toBe(SETTINGS.name);
    expect(await events()).toBe(before);

    // The database is back: the same sessions go on, and the save now lands with its event.
    cable.restore();
    expect((await head.ok('settings.get', {})).name).toBe(SETTINGS.name);
    expect((await head.ok('settings.update', { ...SETTINGS, name: 'PII «Zīle»' })).name).toBe(
      'PII «Zīle»',
    );
    expect(await events()).toBe(before + 1);
    expect((await teacher.ok('groups.list', {})).length).toBe(0);
  });
});
