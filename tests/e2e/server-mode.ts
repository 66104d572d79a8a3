import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

// From the repository's root, as the server's path below: `npm run bench:server` runs this file
// compiled into dist-tools/, where __dirname is elsewhere.
const SCRIPT = path.resolve('scripts', 'test-postgres.sh');

export interface RunningServer {
  address: string;
  fingerprint: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Server mode for an e2e test, set up the way the README tells a kindergarten's IT: PostgreSQL
 * (REGISTER_TEST_PG as .ci/run starts it, or a throwaway cluster), a role that owns its database
 * and nothing more, a self-signed certificate, a config file, `node dist/electron/server/cli.js`.
 */
export async function startServer(now: string): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'register-e2e-server-'));
  let cluster: string | undefined;
  let adminUrl = process.env.REGISTER_TEST_PG;
  if (!adminUrl) {
    // A folder of its own: as root the script hands it to the postgres user, who could not
    // enter `dir` (mkdtemp makes it root's alone).
    cluster = mkdtempSync(path.join(os.tmpdir(), 'register-e2e-pg-'));
    adminUrl = execFileSync(SCRIPT, ['start', cluster], { encoding: 'utf8' }).trim();
  }
  const suffix = randomBytes(4).toString('hex');
  const role = `register_e2e_${suffix}`;
  const password = randomBytes(18).toString('hex');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
  );
  await admin.query(`CREATE DATABASE ${role} OWNER ${role}`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      path.join(dir, 'server.key'),
      '-out',
      path.join(dir, 'server.crt'),
      '-days',
      '2',
      '-subj',
      '/CN=register-e2e',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(path.join(dir, 'db-password'), `${password}\n`, { mode: 0o600 });
  const url = new URL(adminUrl);
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'server.json'),
    JSON.stringify({
      listen: { host: '127.0.0.1', port },
      tls: { certificate: 'server.crt', key: 'server.key' },
      database: {
        host: url.hostname,
        port: Number(url.port),
        database: role,
        role,
        passwordFile: 'db-password',
      },
      dataDir: 'data',
    }),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join('dist', 'electron', 'server', 'cli.js'),
      '--config',
      path.join(dir, 'server.json'),
      '--test',
      '--now',
      now,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/nospiedums/.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const fingerprint = new X509Certificate(readFileSync(path.join(dir, 'server.crt')))
    .fingerprint256;
  return {
    address: `https://127.0.0.1:${port}`,
    fingerprint,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await admin.query(`DROP DATABASE IF EXISTS ${role} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
      if (cluster) execFileSync(SCRIPT, ['stop', cluster]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
