import path from 'node:path';
import { DEFAULT_COMPRESSION_LEVEL } from '../../electron/api/backup/format/encrypt';
import { benchBackup } from './backup';
import { cleanDataset } from './cleanup';
import { BENCH_TODAY, ensureBenchData, type DatasetName } from './dataset';
import { benchFirstCall } from './first-call';
import { loadAverage, machine, table, watchPeakMemory, type BenchRow } from './harness';
import { writeReport, type Section } from './report';
import { benchFirstLogin, benchInBrowser } from './screens';
import { benchService } from './service';
import { openSession } from './session';
import { measureSize, sizeTable, type SizeFigures } from './size';

/**
 * `npm run bench`: the program beside the same work done by hand, interleaved run by run, on the
 * ten-year dataset, and every screen in Chromium on ten years beside two. Parts, each its own
 * section of docs/benchmarks.md: `BENCH_ONLY=screens,month npm run bench` runs and rewrites only
 * those (the other sections stay as they are). `BENCH_RUNS=n` sets the browser's runs per row.
 */
const PARTS = ['service', 'backup', 'size', 'screens', 'month', 'login'] as const;
type Part = (typeof PARTS)[number];

const HEADINGS: Record<Part, string> = {
  service: '## Service layer (ten years, program beside the raw driver)',
  backup: '## Backup (ten years)',
  size: '## Size',
  screens: '## Screens, click → painted in Chromium (ten years beside two)',
  month: '## Month switch, click → painted in Chromium',
  login: '## First login after start',
};

const NOTES: Record<Part, string> = {
  service:
    'Each row: the call through the program (router → validation → service → TypeORM) and its baseline, the same work on the raw driver on the program’s own connection, alternating run by run after the same warm-up; ratio = ours p50 / baseline p50. Clock on the dataset’s today.',
  backup: `Export: \`exportBackup\` (snapshot read on a worker thread, scrypt overlapped with deflate level ${DEFAULT_COMPRESSION_LEVEL} and AES-256-GCM 1 MiB chunks, write, fsync, read-back verify, rename) beside the same steps by hand, the snapshot on the main thread (tests/bench/backup.ts). Restore: \`restoreInApp\` (decrypt, rebuild the encrypted file by SQL, integrity and foreign-key checks, migrations, safety copy of the live register, swap) beside export’s inverse by hand (read, scrypt, decrypt + inflate, write the image and encrypt it in place, open). Interleaved run by run.`,
  size: 'File size after a WAL checkpoint; shares of all pages by table with its indexes (dbstat); one encrypted backup of each dataset.',
  screens:
    'Each row: a page on the ten-year dataset and a page on the two-year dataset (two browser-mode servers, one Chromium), the same click alternating between them run by run after one warm-up. From the About screen, a click on the menu entry (the assessment sheet: a link to one topic of this month) until no call is in flight, the DOM has not changed for 200 ms and the frame after its last change has been painted; that time minus the click. Baseline = the same on two years; ratio = ten / two (p50).',
  month:
    'The nurse’s month grid of one group, the previous or next month’s button, measured as the screens (click → calls done → frame after the last DOM change painted), ten years beside two, alternating.',
  login:
    'Each run starts a new browser-mode server on the dataset and opens a new page: the head’s user name and password typed, the click on “Pieslēgties” until her home screen is painted (as the screens). Ten years and two years alternating. Second row (tests/bench/first-call.ts): on a fresh copy of the ten-year data each run, the head’s first login of the day with the daily backup due, then the calls her home makes (app.now, overview.home, mail.unread, backup.status) timed from the login’s answer while the backup runs behind them; baseline the same calls after a login with no backup due, alternating.',
};

function selectedParts(): Set<Part> {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!only?.length) return new Set(PARTS);
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) {
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  }
  return new Set(only as Part[]);
}

async function main(): Promise<void> {
  const started = Date.now();
  const parts = selectedParts();
  const runs = Number(process.env.BENCH_RUNS ?? 6);
  const dirs = await ensureBenchData();
  const peak = watchPeakMemory();
  const sections: Section[] = [];
  const stamp = () => new Date().toISOString().slice(0, 16).replace('T', ' ');
  /** `since`: when a part measured earlier, together with another (the browser's two). */
  const add = async (
    part: Part,
    work: () => Promise<string>,
    since?: { before: string; at: string },
  ) => {
    if (!parts.has(part)) return;
    const before = since?.before ?? loadAverage();
    const at = since?.at ?? stamp();
    console.log(`[bench] ${part}…`);
    const t0 = Date.now();
    const body = await work();
    console.log(`[bench] ${part} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    sections.push({
      heading: HEADINGS[part],
      body: [
        '',
        `Measured ${at} UTC on ${machine()}; load average ${before} before and ${loadAverage()} after.`,
        '',
        NOTES[part],
        '',
        body,
      ].join('\n'),
    });
  };
  try {
    await add('service', async () => {
      const s = openSession(dirs['ten-years']);
      try {
        return table(await benchService(s));
      } finally {
        await s.router.dispose();
      }
    });
    await add('backup', async () => {
      const s = openSession(dirs['ten-years']);
      try {
        await s.login('vaditaja');
        const backup = await benchBackup(s.router, async () => {
          await s.login('vaditaja');
        });
        return `${table(backup.rows)}\n\nPlaintext image ${(backup.imageBytes / 2 ** 20).toFixed(1)} MiB, encrypted backup ${(backup.bytes / 2 ** 20).toFixed(1)} MiB.`;
      } finally {
        await s.router.dispose();
      }
    });
    await add('size', async () => {
      const figures: SizeFigures[] = [];
      for (const name of ['ten-years', 'two-years'] as DatasetName[]) {
        figures.push(await measureSize(name, dirs[name]));
      }
      return sizeTable(figures);
    });
    const rows: { screens: BenchRow[]; month: BenchRow[] } = { screens: [], month: [] };
    const browserSince = { before: loadAverage(), at: stamp() };
    if (parts.has('screens') || parts.has('month')) {
      console.log('[bench] screens and month switch in Chromium…');
      const t0 = Date.now();
      Object.assign(
        rows,
        await benchInBrowser(
          dirs,
          { screens: parts.has('screens'), month: parts.has('month') },
          runs,
        ),
      );
      console.log(`[bench] browser done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await add('screens', async () => table(rows.screens), browserSince);
    await add('month', async () => table(rows.month), browserSince);
    await add('login', async () =>
      table([
        await benchFirstLogin(dirs, Math.max(3, runs - 2)),
        await benchFirstCall(dirs['ten-years'], Math.max(3, runs - 2)),
      ]),
    );
  } finally {
    for (const dir of Object.values(dirs)) {
      const removed = cleanDataset(dir);
      if (removed.length) console.log(`[bench] removed from ${dir}: ${removed.join(', ')}`);
    }
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  const intro = [
    '# Benchmarks',
    '',
    `\`npm run bench\` (tests/bench/run.ts) builds two datasets once into .bench-data/ (tools/seed through the program's API: ten school years and two, 12 groups × 25 children a year, every working day's attendance, plans, marks, journals, checks, guardians, applications, talks, substitutions, closures and logins; "today" ${BENCH_TODAY}), then measures each part below and rewrites its section. Each row's figures come from one run of one process, ours and its baseline alternating run by run; ✓ / ✗ say whether each target holds on that row. Safety copies, pre-update backups and exports the run makes are removed at its end.`,
    '',
    `Parts: ${PARTS.join(', ')}; \`BENCH_ONLY=screens,month npm run bench\` runs only those and keeps the other sections; \`BENCH_RUNS=n\` (default 6) sets the browser rows' runs. The last run took ${minutes} min (${[...parts].join(', ')}); backend peak memory (RSS) ${(peak() / 2 ** 20).toFixed(0)} MiB.`,
  ].join('\n');
  for (const s of sections) console.log(`\n${s.heading}\n${s.body}`);
  writeReport(
    path.join('docs', 'benchmarks.md'),
    intro,
    sections,
    PARTS.map((p) => HEADINGS[p]),
  );
  console.log(`\n[bench] ${minutes} min; docs/benchmarks.md written.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
