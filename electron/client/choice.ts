import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { normaliseFingerprint } from '../../common/contract/client';
import { writeFileAtomic } from '../../database/keyslots';
import type { ServerChoice } from './remote-router';

/**
 * A PC that works with the kindergarten's server remembers which server, in its data folder:
 * the address and the certificate's fingerprint, neither of them a secret (no password, no
 * token, no database credentials are ever written here).
 */
export const CHOICE_FILE = 'server.json';
const FORMAT = 'kindergarten-register-server';

export function loadServerChoice(dataDir: string): ServerChoice | undefined {
  let raw: string;
  try {
    raw = readFileSync(path.join(dataDir, CHOICE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(raw) as { format?: unknown; address?: unknown; fingerprint?: unknown };
    const fingerprint =
      typeof data.fingerprint === 'string' ? normaliseFingerprint(data.fingerprint) : null;
    const address = typeof data.address === 'string' ? new URL(data.address) : undefined;
    if (data.format === FORMAT && fingerprint && address?.protocol === 'https:') {
      return { address: address.origin, fingerprint };
    }
  } catch {
    // reported below
  }
  throw new AppError('DATA_CORRUPT', 'error.DATA_CORRUPT', { file: CHOICE_FILE });
}

export async function saveServerChoice(dataDir: string, choice: ServerChoice): Promise<void> {
  const data = { format: FORMAT, version: 1, ...choice };
  await writeFileAtomic(path.join(dataDir, CHOICE_FILE), `${JSON.stringify(data, null, 1)}\n`);
}
