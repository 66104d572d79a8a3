/**
 * What the backup format encrypts: a small container, so that the key slots and the master key
 * travel with the database (docs/backup-format.md, "Payload").
 *
 *   offset 0   8 bytes  magic 'KGREGPL1'
 *   offset 8   4 bytes  uint32 BE: length S of the slot file
 *   offset 12  S bytes  the slot file (keyslots.json) exactly as it was on disk
 *   12+S       32 bytes the database master key
 *   44+S       rest     the database image: the decrypted SQLite file (sqlite3_serialize)
 */

export const PAYLOAD_MAGIC = Buffer.from('KGREGPL1', 'latin1');
const KEY_LENGTH = 32;
/** A slot file holds a few hundred bytes per user; a bigger length means a damaged payload. */
const MAX_SLOTS_LENGTH = 16 * 1024 * 1024;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface Payload {
  slots: Buffer;
  masterKey: Buffer;
  image: Buffer;
}

/** The container's head; the image follows as its own buffer (no copy of the database). */
export function payloadHead(slots: Buffer, masterKey: Buffer): Buffer {
  if (masterKey.length !== KEY_LENGTH) throw new RangeError('master key must be 32 bytes');
  const head = Buffer.alloc(PAYLOAD_MAGIC.length + 4 + slots.length + KEY_LENGTH);
  PAYLOAD_MAGIC.copy(head, 0);
  head.writeUInt32BE(slots.length, 8);
  slots.copy(head, 12);
  masterKey.copy(head, 12 + slots.length);
  return head;
}

/** Splits a decrypted payload; null when it is not one (the caller words the refusal). */
export function parsePayload(data: Buffer): Payload | null {
  if (data.length < 12 || !data.subarray(0, 8).equals(PAYLOAD_MAGIC)) return null;
  const slotsLength = data.readUInt32BE(8);
  if (slotsLength > MAX_SLOTS_LENGTH) return null;
  const keyAt = 12 + slotsLength;
  const imageAt = keyAt + KEY_LENGTH;
  if (data.length < imageAt + SQLITE_MAGIC.length) return null;
  const image = data.subarray(imageAt);
  if (!image.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return null;
  return {
    slots: data.subarray(12, keyAt),
    masterKey: data.subarray(keyAt, imageAt),
    image,
  };
}
