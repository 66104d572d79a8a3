import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databasePath, rawConnection } from '../../database/data-source';
import { exportBackup } from '../../electron/api/backup/export';
import { DATASET_YEARS, type DatasetName } from './dataset';
import { openSession } from './session';

/** Issue 12's bench before it (stamp v3, whole-sheet audit events): 92.6 MiB for ten years. */
const BEFORE_MIB = 92.6;

export interface SizeFigures {
  name: DatasetName;
  years: number;
  fileBytes: number;
  /** Bytes per table, its indexes included (dbstat). */
  tables: Map<string, number>;
  backupBytes: number;
}

const mib = (n: number) => (n / 2 ** 20).toFixed(1);

/** The database on disk, by table (dbstat), and an encrypted backup of it. */
export async function measureSize(name: DatasetName, dataDir: string): Promise<SizeFigures> {
  const s = openSession(dataDir);
  const out = mkdtempSync(path.join(os.tmpdir(), 'bench-size-'));
  try {
    await s.login('vaditaja');
    const raw = rawConnection(s.router.state.db);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const rows = raw
      .prepare(
        'SELECT m.tbl_name AS name, SUM(d.pgsize) AS bytes FROM dbstat d ' +
          'JOIN sqlite_master m ON m.name = d.name GROUP BY m.tbl_name ORDER BY bytes DESC',
      )
      .all() as { name: string; bytes: number }[];
    const backup = await exportBackup(s.router.state, {
      folder: out,
      passphrase: 'bench-rezerves-parole-2026',
    });
    return {
      name,
      years: DATASET_YEARS[name],
      fileBytes: statSync(databasePath(dataDir)).size,
      tables: new Map(rows.map((r) => [r.name, r.bytes])),
      backupBytes: backup.bytes,
    };
  } finally {
    await s.router.dispose();
    rmSync(out, { recursive: true, force: true });
  }
}

/** The size section's table: per dataset, per school year, the audit share, the backup. */
export function sizeTable(figures: SizeFigures[]): string {
  const share = (f: SizeFigures, ...tables: string[]) => {
    const total = [...f.tables.values()].reduce((a, b) => a + b, 0);
    const part = tables.reduce((a, t) => a + (f.tables.get(t) ?? 0), 0);
    return `${((100 * part) / total).toFixed(0)} % (${mib(part)} MiB)`;
  };
  const lines = [
    '| dataset | file (MiB) | per school year (MiB) | audit_event share | assessment + history share | encrypted backup (MiB) | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const f of figures) {
    const target =
      f.years === 10
        ? `≤ ${(BEFORE_MIB / 2).toFixed(1)} MiB (half of ${BEFORE_MIB} MiB before issue 12) ${
            f.fileBytes / 2 ** 20 <= BEFORE_MIB / 2 ? '✓' : '✗'
          }`
        : '';
    lines.push(
      `| ${f.name} | ${mib(f.fileBytes)} | ${mib(f.fileBytes / f.years)} | ${share(
        f,
        'audit_event',
      )} | ${share(f, 'assessment', 'assessment_history')} | ${mib(f.backupBytes)} | ${target} |`,
    );
  }
  const ten = figures.find((f) => f.years === 10);
  const two = figures.find((f) => f.years === 2);
  if (ten && two) {
    lines.push(
      '',
      `Each school year beyond the second adds ${mib((ten.fileBytes - two.fileBytes) / 8)} MiB to the file. Largest tables of the ten years (with their indexes): ${[
        ...ten.tables,
      ]
        .slice(0, 6)
        .map(([t, b]) => `${t} ${mib(b)}`)
        .join(', ')} MiB.`,
    );
  }
  return lines.join('\n');
}
