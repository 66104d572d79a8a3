import type { SlotFileData } from '../../../database/keyslots';
import { readRows, type Row } from '../../../database/logical/rows';
import {
  appliedMigrationNames,
  engineOfQueryable,
  tableShapes,
  type Queryable,
  type TableShape,
  type ValueType,
} from '../../../database/logical/schema';

/**
 * Payload version 2: a logical dump that either engine writes and either reads back
 * (docs/backup-format.md, "Payload version 2"). After the 8 bytes `KGREGPL2` it is newline-
 * delimited JSON, one record per line: the head (migration level), the accounts' credentials
 * (one PC's key slots and master key; a server's are rows of its credential table), then per
 * table its columns and its rows as arrays, and an end record with the row counts. It is made
 * and read in pieces of about a megabyte: ten years never become one string.
 */

export const LOGICAL_MAGIC = Buffer.from('KGREGPL2', 'latin1');
const PIECE = 1024 * 1024;
/** One line longer than this is a damaged payload (a row of the register is a few kB at most). */
const MAX_LINE = 64 * 1024 * 1024;

export interface HeadRecord {
  kind: 'head';
  /** Names of the migrations the dumped register had, in the order they ran (read as a set). */
  migrations: string[];
  engine: 'sqlite' | 'postgres';
}
export interface CredentialsRecord {
  kind: 'credentials';
  /** The slot file of one PC, as a JSON object. */
  slots: SlotFileData;
  /** The master key every slot wraps, base64. */
  masterKey: string;
}
export interface TableRecord {
  kind: 'table';
  name: string;
  columns: [string, ValueType][];
}
export interface EndRecord {
  kind: 'end';
  rows: Record<string, number>;
}
export type LogicalRecord =
  HeadRecord | CredentialsRecord | TableRecord | EndRecord | { kind: 'rows'; rows: Row[] };

/** What a payload's first 8 bytes say: 1 (the SQLite image), 2 (logical), newer, or not one. */
export function payloadVersion(first: Buffer): 1 | 2 | 'newer' | null {
  const magic = first.subarray(0, 8).toString('latin1');
  const match = /^KGREGPL([1-9])$/.exec(magic);
  if (!match) return null;
  const version = Number(match[1]);
  return version === 1 ? 1 : version === 2 ? 2 : 'newer';
}

/** The whole dump of `db`, as pieces of NDJSON; `credentials` is one PC's slot file and key. */
export async function* encodeLogical(
  db: Queryable,
  credentials?: Omit<CredentialsRecord, 'kind'>,
  onTable?: (table: TableShape) => void,
): AsyncGenerator<Buffer> {
  let lines: string[] = [];
  let size = 0;
  const push = (value: unknown) => {
    const line = JSON.stringify(value);
    lines.push(line);
    size += line.length + 1;
  };
  const flush = () => {
    const piece = Buffer.from(lines.join('\n') + '\n', 'utf8');
    lines = [];
    size = 0;
    return piece;
  };
  yield Buffer.concat([LOGICAL_MAGIC, Buffer.from('\n')]);
  const engine = engineOfQueryable(db);
  push({ kind: 'head', migrations: await appliedMigrationNames(db), engine } satisfies HeadRecord);
  if (credentials) push({ kind: 'credentials', ...credentials } satisfies CredentialsRecord);
  const counts: Record<string, number> = {};
  for (const table of await tableShapes(db)) {
    onTable?.(table);
    push({
      kind: 'table',
      name: table.name,
      columns: table.columns.map((c) => [c.name, c.type]),
    } satisfies TableRecord);
    counts[table.name] = 0;
    for await (const page of readRows(db, table)) {
      for (const row of page) push(row);
      counts[table.name] += page.length;
      if (size >= PIECE) yield flush();
    }
  }
  push({ kind: 'end', rows: counts } satisfies EndRecord);
  yield flush();
}

export class PayloadError extends Error {}

/**
 * Records out of the decrypted pieces (the magic already checked and included). Consecutive
 * rows come as one `rows` record per piece, so a caller inserts them in batches.
 */
export async function* decodeLogical(parts: AsyncIterable<Buffer>): AsyncGenerator<LogicalRecord> {
  let rest: Buffer = Buffer.alloc(0);
  let first = true;
  let rows: Row[] = [];
  let ended = false;
  for await (const part of parts) {
    rest = rest.length ? Buffer.concat([rest, part]) : part;
    let start = 0;
    for (let nl = rest.indexOf(10, start); nl >= 0; nl = rest.indexOf(10, start)) {
      const line = rest.toString('utf8', start, nl);
      start = nl + 1;
      if (first) {
        if (line !== LOGICAL_MAGIC.toString('latin1')) throw new PayloadError('magic');
        first = false;
        continue;
      }
      if (ended) throw new PayloadError('data after the end');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new PayloadError('line');
      }
      if (Array.isArray(value)) {
        rows.push(value as Row);
        continue;
      }
      if (rows.length) yield { kind: 'rows', rows };
      rows = [];
      const record = value as LogicalRecord;
      if (!record || typeof record !== 'object' || typeof record.kind !== 'string') {
        throw new PayloadError('record');
      }
      if (record.kind === 'end') ended = true;
      yield record;
    }
    rest = rest.subarray(start);
    if (rest.length > MAX_LINE) throw new PayloadError('line too long');
    if (rows.length) yield { kind: 'rows', rows };
    rows = [];
  }
  if (!ended || rest.length > 0) throw new PayloadError('no end');
}
