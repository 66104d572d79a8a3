import { promises as fs } from 'node:fs';
import { AppError } from '../../../common/errors';
import { rigaDate } from '../clock';

/** File-system steps shared by export and restore: durable writes, names, refusals. */

/** A refusal shown beside one field of the form (the folder, the file, the passphrase). */
export const fieldError = (field: string, key: string): AppError =>
  new AppError('VALIDATION', key, {}, { [field]: key });

/** "2026-11-30_09-30-15" in Riga time: the date and time the head sees on the wall clock. */
export function fileTimestamp(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Riga',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${rigaDate(instant)}_${get('hour')}-${get('minute')}-${get('second')}`;
}

export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (handle) {
    await handle.sync().catch(() => undefined); // not on Windows; the rename is durable there
    await handle.close();
  }
}
