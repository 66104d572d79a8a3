import { randomBytes } from 'node:crypto';
import type { KeySlotFile, Slot, SlotFileData } from '../../../database/keyslots';
import { wrapUnder } from '../../../database/keyslots';
import { checkScrypt } from '../../../database/kdf';

/**
 * The accounts across a move. One PC keeps a key slot per user: the master key wrapped under
 * scrypt(password, salt). A server keeps a credential row per user: scrypt(password, salt)
 * itself. Moving to a server, each slot becomes a credential row of the 'key-slot' form: the
 * slot is a verifier (a password that unwraps it is right), and the first good login rehashes it
 * to the server's own form (database-accounts.ts). Moving back, a hash IS the key that wraps
 * the master key with the hash's salt, so the slot is rebuilt without anyone's password; a row
 * still in the 'key-slot' form goes back as the slot it was, with the master key it wraps.
 */

/** The `kdf` column of a credential row in the 'key-slot' form. */
export interface KeySlotCredential {
  name: 'key-slot';
  slot: Slot;
  /**
   * The key the slot wraps, base64: needed only if the register moves back to a PC before this
   * user has logged in on the server; the first login replaces the row and drops it.
   */
  masterKey: string;
}

/** A credential row as the dump holds it (the credential table's columns by name). */
export interface CredentialRow {
  id?: number;
  kind: 'password' | 'recovery';
  user_id: number | null;
  kdf: string;
  hash: string;
  changed_at: string;
}

/** One PC's slots as credential rows of a server (deactivated users have no slot already). */
export function credentialsFromSlots(
  slots: SlotFileData,
  masterKey: string,
  now: Date,
): CredentialRow[] {
  return slots.slots.map((slot) => ({
    kind: slot.kind === 'user' ? 'password' : 'recovery',
    user_id: slot.kind === 'user' ? (slot.userId ?? null) : null,
    kdf: JSON.stringify({ name: 'key-slot', slot, masterKey } satisfies KeySlotCredential),
    hash: '',
    changed_at: now.toISOString(),
  }));
}

interface ScryptKdf {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

/**
 * A server's credential rows as one PC's slots, written into `slots`; returns the master key
 * the slots wrap (the one rows in the 'key-slot' form carry, else a new random one). A row that
 * cannot become a slot (unknown form, a key-slot row of another key) is left out: that user
 * gets a new password from the head, as after a lost password.
 */
export function slotsFromCredentials(
  rows: CredentialRow[],
  usernames: Map<number, string>,
  slots: KeySlotFile,
): { masterKey: Buffer; skipped: number } {
  const parsed = rows.map((row) => ({ row, kdf: JSON.parse(row.kdf) as { name: string } }));
  const carried = parsed.find((p) => p.kdf.name === 'key-slot')?.kdf as
    KeySlotCredential | undefined;
  const masterKey = carried ? Buffer.from(carried.masterKey, 'base64') : randomBytes(32);
  let skipped = 0;
  for (const { row, kdf } of parsed) {
    const username = row.user_id === null ? undefined : usernames.get(row.user_id);
    if (row.kind === 'password' && !username) {
      skipped++;
      continue;
    }
    if (kdf.name === 'key-slot') {
      const k = kdf as KeySlotCredential;
      if (Buffer.from(k.masterKey, 'base64').equals(masterKey)) slots.putSlot(k.slot);
      else skipped++;
      continue;
    }
    const s = kdf as ScryptKdf;
    const params = { N: s.N, r: s.r, p: s.p };
    const hash = Buffer.from(row.hash, 'base64');
    if (s.name !== 'scrypt' || checkScrypt(params) !== null || hash.length !== 32) {
      skipped++;
      continue;
    }
    const identity =
      row.kind === 'password'
        ? { kind: 'user' as const, userId: row.user_id ?? undefined, username }
        : { kind: 'recovery' as const };
    slots.putSlot(wrapUnder(masterKey, hash, Buffer.from(s.salt, 'base64'), params, identity));
  }
  return { masterKey, skipped };
}
