import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { hasTable } from '../../database/engine';
import { openPostgres, postgresDataSource } from '../../database/postgres';
import { ConfigError, loadConfig } from '../../electron/server/config';
import { refuseMightyRole } from '../../electron/server/role-check';
import { tempDir } from '../integration/helpers';
import { adminQuery, freshPostgres } from '../postgres/databases';
import { selfSigned } from './tls';

describe('the server refuses to start with bad input', () => {
  it('refuses a database role that may create databases or roles, before writing anything', async () => {
    const database = await freshPostgres(false);
    const mighty = `register_mighty_${process.pid}`;
    await adminQuery(`DROP ROLE IF EXISTS ${mighty}`);
    await adminQuery(
      `CREATE ROLE ${mighty} LOGIN CREATEDB CREATEROLE PASSWORD '${database.password}'`,
    );
    try {
      const refused = openPostgres({ ...database, username: mighty }, refuseMightyRole);
      await expect(refused).rejects.toThrow(ConfigError);
      await expect(refused).rejects.toThrow(
        `Datubāzes lomai "${mighty}" ir par daudz tiesību: CREATEDB (drīkst veidot datubāzes), ` +
          'CREATEROLE (drīkst veidot lomas).',
      );
    } finally {
      await adminQuery(`DROP ROLE IF EXISTS ${mighty}`);
    }
    // Nothing was migrated by the refused start; the least-privileged role starts.
    const plain = postgresDataSource(database);
    await plain.initialize();
    expect(await hasTable(plain, 'migrations')).toBe(false);
    await plain.destroy();
    const db = await openPostgres(database, refuseMightyRole);
    expect(await hasTable(db, 'migrations')).toBe(true);
    await db.destroy();
  });

  it('refuses a superuser', async () => {
    const database = await freshPostgres();
    const admin = new URL(inject('postgres').adminUrl);
    const superuser = postgresDataSource({
      ...database,
      username: decodeURIComponent(admin.username),
      password: decodeURIComponent(admin.password),
    });
    await superuser.initialize();
    await expect(refuseMightyRole(superuser)).rejects.toThrow('SUPERUSER (superlietotājs)');
    await superuser.destroy();
  });

  it('refuses a config that is wrong, or a password file others may read', () => {
    const dir = tempDir();
    const tls = selfSigned();
    const file = path.join(dir, 'server.json');
    const config = {
      listen: { host: '0.0.0.0', port: 8443 },
      tls: { certificate: path.join(tls.dir, 'server.crt'), key: path.join(tls.dir, 'server.key') },
      database: {
        host: '127.0.0.1',
        database: 'register',
        role: 'register_app',
        passwordFile: 'pw',
      },
      dataDir: 'data',
    };
    writeFileSync(file, JSON.stringify({ ...config, listen: { port: 'eight' } }));
    expect(() => loadConfig(file)).toThrow(/listen\.port: Expected number/);
    writeFileSync(file, JSON.stringify(config));
    writeFileSync(path.join(dir, 'pw'), 'parole\n');
    chmodSync(path.join(dir, 'pw'), 0o644);
    expect(() => loadConfig(file)).toThrow('var lasīt arī citi lietotāji (chmod 600)');
    chmodSync(path.join(dir, 'pw'), 0o600);
    expect(loadConfig(file)).toMatchObject({
      listen: { host: '0.0.0.0', port: 8443 },
      database: { port: 5432, password: 'parole', poolSize: 10 },
      idleMinutes: 10,
      dataDir: path.join(dir, 'data'),
    });
  });
});
