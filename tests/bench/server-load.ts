import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type {
  AttendanceDayView,
  AttendanceMonth,
  CellCode,
} from '../../common/contract/attendance';
import { RemoteRouter, type ServerChoice } from '../../electron/client/remote-router';
import { startServer } from '../e2e/server-mode';
import { machine } from './harness';
import { HEADING, MethodStats, readSinglePc, table, writeSection } from './server-report';
import { call, PASSWORD, seedKindergarten, type Account } from './server-seed';

/**
 * `npm run bench:server`: issue 18's bounded load test. A real server process on 127.0.0.1
 * (PostgreSQL, a least-privilege role, a self-signed certificate, as tests/e2e/server-mode.ts
 * starts it for the e2e tests), 40 staff sessions at once, each a RemoteRouter as a PC's main
 * process uses it: log in, then the day list, a save of one mark, the month grid, with a short
 * think time, for 60 seconds. Every call's latency and every refusal is counted; every
 * acknowledged write is read back at the end. Exits non-zero on any error or lost write.
 */

const NOW = '2026-11-30T07:30:00Z'; // a Monday, 09:30 in Riga: the morning's marks
const TODAY = '2026-11-30';
const MONTH = '2026-11';
const RUN_MS = 60_000;
const THINK_MS = [100, 500] as const;
const CODES: CellCode[] = [null, 'NS', 'NC', 'N'];
const DOC = path.join('docs', 'benchmarks.md');

const cellKey = (childId: number) => `${childId}.${TODAY}`;
const think = () =>
  new Promise((resolve) =>
    setTimeout(resolve, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])),
  );

interface Run {
  stats: Map<string, MethodStats>;
  /** The last acknowledged code of each cell (absent: a failed save left it uncertain). */
  acked: Map<string, CellCode>;
  /** A session's own cell that its next day list showed other than it had been acknowledged. */
  staleReads: string[];
}

/** One PC: its own RemoteRouter (pinned HTTPS, its own session token). */
async function session(server: ServerChoice, account: Account, until: number, run: Run) {
  const pc = new RemoteRouter(server);
  const timed = async <T>(method: string, input: unknown): Promise<T | undefined> => {
    const start = performance.now();
    const answer = await pc.call(method, input);
    const elapsed = performance.now() - start;
    if (!run.stats.has(method)) run.stats.set(method, new MethodStats());
    run.stats.get(method)!.record(elapsed, answer.ok ? undefined : answer.error.code);
    if (!answer.ok) console.error(`${account.username} ${method}: ${answer.error.message}`);
    return answer.ok ? (answer.result as T) : undefined;
  };
  const login = await timed('auth.login', { username: account.username, password: PASSWORD });
  if (!login) return;
  for (let turn = 0; Date.now() < until; turn++) {
    const cell = account.cells.length
      ? account.cells[Math.floor(Math.random() * account.cells.length)]
      : undefined;
    const groupId = cell?.groupId ?? account.groups[turn % account.groups.length];
    const day = await timed<AttendanceDayView>('attendance.day', { groupId, date: TODAY });
    await think();
    if (cell && day) {
      // Read-your-writes: each own cell of the day shows what was last acknowledged.
      for (const mine of account.cells.filter((c) => c.groupId === groupId)) {
        const seen = day.children.find((c) => c.childId === mine.childId)?.code ?? null;
        const key = cellKey(mine.childId);
        if (run.acked.has(key) && run.acked.get(key) !== seen) {
          run.staleReads.push(`${account.username} ${key}: ${run.acked.get(key)} → ${seen}`);
        }
      }
      const key = cellKey(cell.childId);
      const expected = day.children.find((c) => c.childId === cell.childId)?.code ?? null;
      const others = CODES.filter((c) => c !== expected);
      const code = others[Math.floor(Math.random() * others.length)];
      const saved = await timed('attendance.save', {
        groupId,
        changes: [{ childId: cell.childId, date: TODAY, expected, code }],
        reason: '',
      });
      // A refused save is counted as an error; whether it landed is then unknown.
      if (saved) run.acked.set(key, code);
      else run.acked.delete(key);
      await think();
    }
    await timed<AttendanceMonth>('attendance.month', { groupId, month: MONTH });
    await think();
  }
  await pc.dispose();
}

/** The head reads every group's month; each acknowledged cell must hold its last code. */
async function lostWrites(server: ServerChoice, accounts: Account[], run: Run): Promise<string[]> {
  const head = new RemoteRouter(server);
  await call(head, 'auth.login', { username: 'vaditaja', password: PASSWORD });
  const lost: string[] = [];
  const groups = [...new Set(accounts.flatMap((a) => a.cells.map((c) => c.groupId)))];
  for (const groupId of groups) {
    const grid = await call(head, 'attendance.month', { groupId, month: MONTH });
    const codes = new Map(grid.children.map((c) => [c.childId, c.codes[TODAY] ?? null]));
    for (const { childId } of accounts.flatMap((a) =>
      a.cells.filter((c) => c.groupId === groupId),
    )) {
      const key = cellKey(childId);
      if (!run.acked.has(key)) continue;
      const stored = codes.get(childId) ?? null;
      if (stored !== run.acked.get(key)) lost.push(`${key}: ${run.acked.get(key)} → ${stored}`);
    }
  }
  await head.dispose();
  return lost;
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const server = await startServer(NOW);
  let failed = true;
  try {
    const choice = { address: server.address, fingerprint: server.fingerprint };
    const seedStart = Date.now();
    const accounts = await seedKindergarten(choice, TODAY);
    const cells = accounts.flatMap((a) => a.cells);
    console.log(
      `Seeded ${accounts.length} accounts, ${cells.length} children in ${
        new Set(cells.map((c) => c.groupId)).size
      } groups through the API in ${((Date.now() - seedStart) / 1000).toFixed(0)} s (not measured).`,
    );
    const run: Run = {
      stats: new Map(
        ['auth.login', 'attendance.day', 'attendance.save', 'attendance.month'].map((m) => [
          m,
          new MethodStats(),
        ]),
      ),
      // Nothing marked yet: every child is present (null) until a save says otherwise.
      acked: new Map(cells.map((c) => [cellKey(c.childId), null])),
      staleReads: [],
    };
    const started = Date.now();
    await Promise.all(accounts.map((a) => session(choice, a, started + RUN_MS, run)));
    const seconds = (Date.now() - started) / 1000;
    const loadAfter = os.loadavg();
    const lost = await lostWrites(choice, accounts, run);
    const errors = [...run.stats.values()].reduce((n, s) => n + s.errorCount, 0);
    const calls = [...run.stats.values()].reduce((n, s) => n + s.times.length, 0);
    const saves = run.stats.get('attendance.save')!.times.length;
    const single = readSinglePc(DOC);
    const section = [
      HEADING,
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ` +
        `load average ${loadBefore[0].toFixed(1)} before and ${loadAfter[0].toFixed(1)} after the run` +
        // Other work on the machine before the run shows in its load; say so beside the figures.
        (loadBefore[0] > os.cpus().length
          ? ' (other work ran at the same time, so these figures are under load).'
          : '.'),
      '',
      `One server process (\`node dist/electron/server/cli.js --config … --test\`, the default pool ` +
        `of 10 PostgreSQL connections) on 127.0.0.1 with PostgreSQL on the same machine; ` +
        `${accounts.length} sessions at once, each its own \`RemoteRouter\` (pinned HTTPS, its own ` +
        `session token, a new TLS connection per call, as a PC's main process), all in one client ` +
        `process on the same cores. Each logs in, then loops for ${RUN_MS / 1000} s: the day list ` +
        `of a group, a save of one mark (${accounts.filter((a) => a.cells.length).length} writers: ` +
        `37 teachers and the nurse, each alone on her own children, with the code it last saw as ` +
        `\`expected\`), the month grid; ${THINK_MS[0]}–${THINK_MS[1]} ms of think time after each ` +
        `call. The head and the deputy read only. Kindergarten: 10 groups × 20 children, 40 staff ` +
        `accounts, made through the API before the run (not measured); no earlier history.`,
      '',
      table(run.stats, single),
      '',
      `${calls} calls in ${seconds.toFixed(1)} s (${(calls / seconds).toFixed(0)} per second), ` +
        `${saves} saves. Errors: ${errors}. Lost acknowledged writes: ${lost.length} (every ` +
        `acknowledged cell read back as the head from each group's month grid after the run; ` +
        `${run.acked.size} cells checked). Own cells a later day list showed otherwise than ` +
        `acknowledged: ${run.staleReads.length}.`,
      '',
      `Single PC (beside): from this file's \`npm run bench\` table${
        single.measured ? ` (measured ${single.measured})` : ''
      }: one process, one user, calls one at a time on the encrypted SQLite file of ten school ` +
        `years; its login is the key slot's unlock. "–": no such row there.`,
      '',
      'Run: `npm run bench:server` (builds, starts PostgreSQL from REGISTER_TEST_PG or a throwaway ' +
        'cluster by scripts/test-postgres.sh, seeds, runs, reads back, writes this section; exits ' +
        'non-zero on any error or lost write).',
    ].join('\n');
    console.log(`\n${section}\n`);
    for (const line of [...run.staleReads, ...lost].slice(0, 20)) console.error(line);
    writeSection(DOC, section);
    failed = errors > 0 || lost.length > 0 || run.staleReads.length > 0;
  } finally {
    await server.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
