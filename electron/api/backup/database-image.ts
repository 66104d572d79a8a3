import Database from 'better-sqlite3-multiple-ciphers';
import type { DataSource } from 'typeorm';
import { applyKey, rawConnection } from '../../../database/data-source';

/**
 * A consistent snapshot of the open register, in memory: sqlite3_serialize reads every page
 * through the pager (the cipher decrypts them; committed WAL content included) inside one read
 * transaction. The result is a plain SQLite image that never touches the disk.
 */
export function snapshotDatabase(dataSource: DataSource): Buffer {
  return rawConnection(dataSource).serialize();
}

/** SQL objects of one schema in creation order; internal sqlite_* objects are made by SQLite. */
interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  sql: string;
}

const CREATE =
  /^(CREATE\s+(?:UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes a plain database image into a NEW encrypted file keyed with `key`, without a plain copy
 * on disk: the image is opened in memory (sqlite3_deserialize), the new file is attached with
 * the key (SQLite3 Multiple Ciphers encrypts every page it writes there), and the schema and rows
 * are copied by SQL, as VACUUM would. Temporary b-trees stay in memory (temp_store = MEMORY).
 * Throws 'integrity' when the image itself fails integrity_check.
 */
export function writeEncryptedDatabase(
  image: Buffer,
  file: string,
  key: Buffer,
  nativeBinding?: string,
): void {
  const copy = Buffer.from(image);
  // Bytes 18–19 say "WAL"; an in-memory database cannot use WAL, so it opens in rollback mode.
  copy[18] = 1;
  copy[19] = 1;
  const memory = new Database(copy, { nativeBinding });
  try {
    memory.pragma('temp_store = MEMORY');
    const check = memory.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') throw new Error('integrity');
    memory.pragma(`cipher = 'chacha20'`);
    // The key as a blob is the same raw key `PRAGMA hexkey` gives (applyKey).
    memory.prepare('ATTACH DATABASE ? AS target KEY ?').run(file, key);
    const objects = memory
      .prepare(
        "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
      )
      .all() as SchemaObject[];
    const inTarget = (sql: string) => sql.replace(CREATE, '$1target.');
    memory.transaction(() => {
      const virtual = new Set<string>();
      for (const o of objects.filter((o) => o.type === 'table')) {
        memory.exec(inTarget(o.sql));
        if (/^CREATE\s+VIRTUAL/i.test(o.sql)) virtual.add(o.name);
      }
      // Every table now exists in the target, including the ones SQLite made itself
      // (sqlite_sequence, shadow tables of virtual tables): copy their rows as they are.
      const tables = memory
        .prepare(
          "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY rowid",
        )
        .all() as { name: string }[];
      for (const { name } of tables) {
        if (virtual.has(name)) continue;
        memory.exec(`DELETE FROM target.${quote(name)}`);
        memory.exec(`INSERT INTO target.${quote(name)} SELECT * FROM main.${quote(name)}`);
      }
      for (const o of objects.filter((o) => o.type !== 'table')) memory.exec(inTarget(o.sql));
      const version = memory.pragma('main.user_version', { simple: true }) as number;
      memory.pragma(`target.user_version = ${Number(version)}`);
    })();
    memory.exec('DETACH DATABASE target');
  } finally {
    memory.close();
  }
}

/** integrity_check and foreign_key_check on the encrypted file; the failing check's name. */
export function checkDatabase(
  file: string,
  key: Buffer,
  nativeBinding?: string,
): 'integrity' | 'foreignKeys' | null {
  const db = new Database(file, { fileMustExist: true, nativeBinding });
  try {
    applyKey(db, key);
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') return 'integrity';
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) return 'foreignKeys';
    return null;
  } finally {
    db.close();
  }
}
