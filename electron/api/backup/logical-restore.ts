import 'reflect-metadata';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { migrateTo, rawConnection } from '../../../database/data-source';
import { ENTITIES } from '../../../database/entities';
import { KeySlotFile, SLOT_FILE, writeFileAtomic } from '../../../database/keyslots';
import { MIGRATIONS } from '../../../database/migrations';
import { decodeLogical } from './logical-payload';
import { loadLogical } from './move';
import { slotsFromCredentials } from './move-accounts';

/**
 * One PC restoring a logical dump (payload version 2, from a server or from a PC): the rows are
 * put into an in-memory SQLite database at the dump's migration level, which then takes the
 * same road as a version 1 image (re-encrypted into a new file, checked, migrated on). Nothing
 * plain reaches the disk. The slots come with the dump (one PC's) or are rebuilt from the
 * server's credential rows (move-accounts.ts).
 */

export interface Staged {
  image: Buffer;
  masterKey: Buffer;
  /** Writes the slot file into the staging folder. */
  writeSlots: (dir: string) => Promise<void>;
}

export async function logicalToImage(
  pieces: AsyncGenerator<Buffer>,
  now: Date,
  nativeBinding?: string,
): Promise<Staged> {
  const memory = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    driver: Database,
    nativeBinding,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('temp_store = MEMORY');
    },
  });
  await memory.initialize();
  try {
    const loaded = await loadLogical(memory, decodeLogical(pieces), {
      prepare: (migrations) => migrateTo(memory, migrations),
      accounts: 'returned',
      now,
    });
    const image = rawConnection(memory).serialize();
    if (loaded.credentials) {
      const { slots, masterKey } = loaded.credentials;
      const bytes = Buffer.from(JSON.stringify(slots, null, 1));
      return {
        image,
        masterKey: Buffer.from(masterKey, 'base64'),
        writeSlots: (dir) => writeFileAtomic(path.join(dir, SLOT_FILE), bytes),
      };
    }
    const users = await memory.query<{ id: number; username: string }[]>(
      'SELECT id, username FROM "user"',
    );
    const usernames = new Map(users.map((u) => [u.id, u.username]));
    return { image, ...withSlots(loaded.credentialRows, usernames) };
  } finally {
    await memory.destroy();
  }
}

/** Slots rebuilt from a server's credentials, and the key they wrap. */
function withSlots(
  rows: Parameters<typeof slotsFromCredentials>[0],
  usernames: Map<number, string>,
): Pick<Staged, 'masterKey' | 'writeSlots'> {
  const slots = KeySlotFile.empty('');
  const { masterKey } = slotsFromCredentials(rows, usernames, slots);
  return { masterKey, writeSlots: (dir) => slots.saveTo(dir) };
}
