import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Input, Method, Output } from '../../common/contract';
import { schoolYearBounds, schoolYearOf } from '../../common/planning-rules';
import { rigaDate } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import { Generator } from '../../tools/seed/generator';
import { machine, measure, table, type BenchRow, type Timing } from './harness';

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What is due, at a glance (issue 14), on whatever data the caller opened: the head's and a
 * teacher's home screen and a school year's supervision report for the whole kindergarten,
 * each against the screen budget (the service's share of it: < 500 ms); the year's charts; one
 * group-year archive, start to the finished PDF; and the home screen while an archive is being
 * made, beside the same call at rest (the archive must not hold other calls up).
 */
export async function benchOverview(
  call: Call,
  login: (username: string) => Promise<unknown>,
  today: string,
  teacher: string,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const year = schoolYearOf(today, '09-01');
  const [from, to] = schoolYearBounds(year, '09-01');
  await login('vaditaja');
  const budget = (operation: string, ours: Timing) =>
    rows.push({
      operation,
      ours,
      baseline: null,
      baselineLabel: '—',
      targets: [{ label: '< 500 ms p95', met: ours.p95 < 500 }],
    });
  const home = await measure(() => call('overview.home', {}), { warmup: 3, runs: 20 });
  budget("the head's home screen (everything overdue this school year)", home);
  budget(
    "a school year's supervision report, whole kindergarten",
    await measure(() => call('overview.report', { from, to }), { warmup: 2, runs: 10 }),
  );
  rows.push({
    operation: "a school year's charts",
    ours: await measure(() => call('overview.charts', { schoolYear: year }), {
      warmup: 1,
      runs: 5,
    }),
    baseline: null,
    baselineLabel: '—',
  });

  // One group-year archive, start to finished file, and what the home screen costs meanwhile.
  const groups = await call('overview.groups', { from, to });
  const during: number[] = [];
  const archive = await measure(
    async () => {
      let status = await call('overview.archiveStart', { from, to, groupId: groups[0].id });
      while (status.state === 'running') {
        const asked = performance.now();
        await call('overview.home', {});
        during.push(performance.now() - asked);
        status = await call('overview.archiveStatus', { jobId: status.jobId });
        await sleep(50);
      }
      if (status.state !== 'done') throw new Error(`archive ${status.state}: ${status.error}`);
    },
    { warmup: 1, runs: 3 },
  );
  rows.push({
    operation: 'one group-year archive (PDF, start → file)',
    ours: archive,
    baseline: null,
    baselineLabel: '—',
  });
  during.sort((a, b) => a - b);
  const at = (p: number) => during[Math.min(during.length - 1, Math.ceil(p * during.length) - 1)];
  rows.push({
    operation: "the head's home screen while an archive is made",
    ours: { p50: at(0.5), p95: at(0.95) },
    baseline: home,
    baselineLabel: 'the same call at rest',
  });

  await call('auth.logout', {});
  await login(teacher);
  budget("a teacher's home screen", await measure(() => call('overview.home', {}), { runs: 20 }));
  await call('auth.logout', {});
  return rows;
}

/**
 * `node dist-tools/tests/bench/overview.js [--data-dir DIR --password PW --teacher NAME]`: these
 * rows alone; without a folder, on a small kindergarten made for the run (4 groups, one year)
 * and removed afterwards, to check the rows run without the ten-year build.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      password: { type: 'string' },
      teacher: { type: 'string', default: 'skolotaja1' },
    },
  });
  const today = rigaDate(new Date());
  let dataDir = values['data-dir'];
  let password = values.password ?? '';
  const made = dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'bench-overview-'));
  if (made) {
    const accounts = await new Generator({
      dataDir: made,
      today,
      years: 1,
      groupsPerYear: 4,
      childrenPerGroup: 18,
      attendance: 'all',
    }).run();
    dataDir = made;
    password = accounts.find((a) => a.username === 'vaditaja')!.password;
  }
  const router = new Router({ dataDir: dataDir! });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result as Output<M>;
  };
  try {
    const rows = await benchOverview(
      call,
      (username) => call('auth.login', { username, password }),
      today,
      values.teacher,
    );
    console.log(machine());
    console.log(table(rows));
  } finally {
    await router.dispose();
    if (made) rmSync(made, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
