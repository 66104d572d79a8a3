import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The server's config file (JSON). Paths are relative to the file's folder. The database password
 * is in a file of its own that only the server's account may read, never in the config.
 *
 * {
 *   "listen": { "host": "0.0.0.0", "port": 8443 },
 *   "tls": { "certificate": "server.crt", "key": "server.key" },
 *   "database": { "host": "127.0.0.1", "port": 5432, "database": "register",
 *                 "role": "register_app", "passwordFile": "db-password", "poolSize": 10 },
 *   "idleMinutes": 10,
 *   "dataDir": "/var/lib/kindergarten-register"
 * }
 */
const schema = z
  .object({
    listen: z
      .object({
        host: z.string().min(1).default('0.0.0.0'),
        port: z.number().int().min(1).max(65535),
      })
      .strict(),
    tls: z.object({ certificate: z.string().min(1), key: z.string().min(1) }).strict(),
    database: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(5432),
        database: z.string().min(1),
        role: z.string().min(1),
        passwordFile: z.string().min(1),
        poolSize: z.number().int().min(2).max(200).default(10),
      })
      .strict(),
    /** The longest any session stays idle (the institution's own setting may be shorter). */
    idleMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    dataDir: z.string().min(1),
  })
  .strict();

export interface ServerConfig {
  listen: { host: string; port: number };
  tls: { certificate: Buffer; key: Buffer };
  database: {
    host: string;
    port: number;
    database: string;
    role: string;
    password: string;
    poolSize: number;
  };
  idleMinutes: number;
  dataDir: string;
}

/** A config the server refuses to start with; the message says why, in Latvian and English. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readSecretFile(file: string, what: string): string {
  let text: string;
  try {
    // Group or others able to read the password file would have the database without the server.
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
      throw new ConfigError(
        `${what} ${file} var lasīt arī citi lietotāji (chmod 600). / ${file} is readable by others (chmod 600).`,
      );
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`Nevar nolasīt ${what} ${file}. / Cannot read ${file}.`);
  }
  const secret = text.replace(/\r?\n$/, '');
  if (!secret) throw new ConfigError(`${what} ${file} ir tukšs. / ${file} is empty.`);
  return secret;
}

function readFile(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ConfigError(`Nevar nolasīt ${what} ${file}. / Cannot read ${file}.`);
  }
}

export function loadConfig(file: string): ServerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why =
      err instanceof SyntaxError ? 'nav derīgs JSON / not valid JSON' : 'nav nolasāms / unreadable';
    throw new ConfigError(`Konfigurācijas fails ${file} ${why}.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`,
    );
    throw new ConfigError(
      `Konfigurācijas fails ${file} nav pareizs / the config file is wrong:\n${problems.join('\n')}`,
    );
  }
  const c = parsed.data;
  const at = (p: string) => path.resolve(path.dirname(path.resolve(file)), p);
  return {
    listen: c.listen,
    tls: {
      certificate: readFile(at(c.tls.certificate), 'sertifikātu'),
      key: readFile(at(c.tls.key), 'sertifikāta atslēgu'),
    },
    database: {
      host: c.database.host,
      port: c.database.port,
      database: c.database.database,
      role: c.database.role,
      password: readSecretFile(at(c.database.passwordFile), 'Datubāzes paroles fails'),
      poolSize: c.database.poolSize,
    },
    idleMinutes: c.idleMinutes,
    dataDir: at(c.dataDir),
  };
}
