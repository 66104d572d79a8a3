import { TestClock } from '../../../electron/api/clock';
import { Router } from '../../../electron/api/router';
import { Generator } from '../../../tools/seed/generator';
import { PASSWORD } from '../../../tools/seed/api';

/**
 * `node several-years.js DIR`: the e2e tests' several-year kindergarten, made with the seed
 * generator in a child process (Playwright's TypeScript loader cannot compile the entities'
 * decorators; tests/e2e/datasets.ts bundles this with esbuild first). Three school years of
 * plans, marks, journals and checks with few groups and children, attendance in the last month
 * only: seconds to make, yet more than a page of rows in the lists that span a year. Prints, as
 * one JSON line, what the lists must count, counted here in SQL straight from the tables.
 */
const TODAY = '2026-11-30';
const SCRYPT = { N: 2 ** 12, r: 8, p: 1 }; // the test is about the lists, not the login

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: several-years DIR');
  await new Generator({
    dataDir,
    today: TODAY,
    years: 3,
    groupsPerYear: 6,
    childrenPerGroup: 4,
    attendance: 'lastMonth',
    journals: 'all',
    scrypt: SCRYPT,
  }).run();

  const router = new Router({
    dataDir,
    clock: new TestClock(new Date(`${TODAY}T10:00:00Z`)),
    testMode: true,
    scrypt: SCRYPT,
  });
  const login = await router.call('auth.login', { username: 'vaditaja', password: PASSWORD });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const n = async (sql: string): Promise<number> =>
    Number((await router.state.db.query<{ n: number }[]>(sql))[0].n);
  const counts = {
    // This school year's checks, all years' checks (the list must not show those).
    checks: await n(
      "SELECT COUNT(*) AS n FROM journal_check WHERE date BETWEEN '2026-09-01' AND '2027-08-31'",
    ),
    allChecks: await n('SELECT COUNT(*) AS n FROM journal_check'),
    // Children and topics of this school year left unmarked for an excused absence.
    later: await n(
      'SELECT COUNT(*) AS n FROM (SELECT DISTINCT a.child_id, a.topic_id FROM assessment a ' +
        'JOIN topic t ON t.id = a.topic_id JOIN plan p ON p.id = t.plan_id ' +
        "WHERE a.reason = 'excused' AND a.mark IS NULL AND p.month BETWEEN '2026-09' AND '2027-08')",
    ),
    // The groups of December, the month the planning screen opens on.
    groups: await n(
      "SELECT COUNT(*) AS n FROM \"group\" WHERE active_from <= '2026-12-31' AND active_to >= '2026-12-01'",
    ),
  };
  await router.dispose();
  console.log(JSON.stringify(counts));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
