import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QueryFailedError } from 'typeorm';
import { AppLog, aboutLine, captureConsole, LOG_FOLDER } from '../../electron/api/release/app-log';
import { safeText } from '../../electron/api/safe-log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'register-log-'));
  dirs.push(dir);
  return dir;
}

const FACTS = {
  programVersion: '1.4.0',
  schemaVersion: 9,
  dataDir: '/home/pii/.config/Bērnudārza e-žurnāls',
  updates: 'updates idle (https://updates.pii-zilite.lv/register/)',
};

describe('the application log', () => {
  it('opens with the About facts in its first line, one file per run, five runs kept', () => {
    const dir = dataDir();
    for (let run = 1; run <= 7; run++) {
      const log = AppLog.start(dir, aboutLine({ ...FACTS, programVersion: `1.4.${run}` }));
      log.write('info', `run ${run}`);
    }
    const folder = path.join(dir, LOG_FOLDER);
    expect(readdirSync(folder).sort()).toEqual([
      'register.1.log',
      'register.2.log',
      'register.3.log',
      'register.4.log',
      'register.5.log',
      'register.log',
    ]);
    const [first, second] = readFileSync(path.join(folder, 'register.log'), 'utf8').split('\n');
    expect(first).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z Bērnudārza e-žurnāls 1\.4\.7 \| database schema 9 \| data folder \/home\/pii\/\.config\/Bērnudārza e-žurnāls \| updates idle \(https:\/\/updates\.pii-zilite\.lv\/register\/\)$/,
    );
    expect(second).toMatch(/ INFO run 7$/);
    expect(readFileSync(path.join(folder, 'register.5.log'), 'utf8')).toContain('1.4.2');
  });

  it('takes console messages, errors without the properties that may hold data', () => {
    const log = AppLog.start(dataDir(), aboutLine(FACTS));
    const saved = { ...console };
    const printed: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      console[method] = (...args: unknown[]) => void printed.push(args);
    }
    try {
      captureConsole(log);
      const err = Object.assign(new Error('UNIQUE constraint failed: child.personal_code'), {
        parameters: ['Jānis', '120785-12347'],
      });
      console.error('Unexpected error in API call:', err);
      console.warn('Navigation blocked:', 'https://example.com/');
    } finally {
      Object.assign(console, saved);
    }
    expect(printed).toHaveLength(2); // still printed as before
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('ERROR Unexpected error in API call: Error: UNIQUE constraint failed');
    expect(text).toContain('WARN Navigation blocked: https://example.com/');
    expect(text).not.toContain('120785');
  });

  it('logs a PostgreSQL data exception by its code, not the value its message quotes', () => {
    const driver = Object.assign(new Error('invalid input syntax for type integer: "Jānis"'), {
      code: '22P02',
    });
    const line = safeText(new QueryFailedError('SELECT $1::int', ['Jānis'], driver));
    expect(line).toMatch(
      /^QueryFailedError: SQLSTATE 22P02: a value the database refused \(not logged\)\n\s+at /,
    );
    expect(line).not.toContain('Jānis');
    // Other database errors keep their words: they name a table or a constraint, not a value.
    const missing = Object.assign(new Error('column "id" does not exist'), { code: '42703' });
    expect(safeText(new QueryFailedError('SELECT id', [], missing))).toContain(
      'QueryFailedError: column "id" does not exist',
    );
  });
});
