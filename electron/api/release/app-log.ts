import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeText } from '../safe-log';

/**
 * The application log: one file per run in <data folder>/logs/, the previous runs kept as
 * register.1.log … register.5.log. Its first line says which program runs on which data (the
 * About screen's facts), so a log sent to the supplier answers "which version?" by itself.
 * It holds the program's messages (errors, updates, migrations), never a child's or a user's
 * data: the API does not log inputs.
 */

export const LOG_FOLDER = 'logs';
const LOG_NAME = 'register';
const KEEP_RUNS = 5;
/** A run that writes more than this is looping; the rest would only fill the disk. */
const MAX_BYTES = 5 * 1024 * 1024;

export interface AboutFacts {
  programVersion: string;
  schemaVersion: number;
  dataDir: string;
  /** Updates.describe(): where the updates stand at start. */
  updates: string;
}

/** The first line of every log, and the About screen's content in one line. */
export function aboutLine(facts: AboutFacts): string {
  return [
    `Bērnudārza e-žurnāls ${facts.programVersion}`,
    `database schema ${facts.schemaVersion}`,
    `data folder ${facts.dataDir}`,
    facts.updates,
  ].join(' | ');
}

export class AppLog {
  private bytes = 0;
  private full = false;

  private constructor(readonly file: string) {}

  /** Moves the previous runs' logs along and starts this run's with `firstLine`. */
  static start(dataDir: string, firstLine: string, now = new Date()): AppLog {
    const folder = path.join(dataDir, LOG_FOLDER);
    mkdirSync(folder, { recursive: true });
    const name = (n: number) =>
      path.join(folder, n === 0 ? `${LOG_NAME}.log` : `${LOG_NAME}.${n}.log`);
    rmSync(name(KEEP_RUNS), { force: true });
    for (let n = KEEP_RUNS - 1; n >= 0; n--) {
      if (existsSync(name(n))) renameSync(name(n), name(n + 1));
    }
    const log = new AppLog(name(0));
    const line = `${now.toISOString()} ${firstLine}\n`;
    writeFileSync(log.file, line, { mode: 0o600 });
    log.bytes = Buffer.byteLength(line);
    return log;
  }

  write(level: 'info' | 'warn' | 'error', text: string, now = new Date()): void {
    if (this.full) return;
    let line = `${now.toISOString()} ${level.toUpperCase()} ${text.replace(/\n/g, '\n    ')}\n`;
    if (this.bytes + Buffer.byteLength(line) > MAX_BYTES) {
      this.full = true;
      line = `${now.toISOString()} WARN log full (${MAX_BYTES} bytes); nothing more is written\n`;
    }
    try {
      appendFileSync(this.file, line);
      this.bytes += Buffer.byteLength(line);
    } catch {
      this.full = true; // a log that cannot be written must not stop the register
    }
  }
}

/**
 * From now on, console.log/info/warn/error also go into the log; they still print, as the same
 * safe text (safe-log.ts), so the terminal or a crash report gets no more than the file.
 */
export function captureConsole(log: AppLog): void {
  const levels = [
    ['log', 'info'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
  ] as const;
  for (const [method, level] of levels) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const line = args.map(safeText).join(' ');
      original(line);
      log.write(level, line);
    };
  }
}
