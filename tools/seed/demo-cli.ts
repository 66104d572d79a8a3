import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rigaDate } from '../../electron/api/clock';
import { Generator } from './generator';

/**
 * `npm run seed:demo -- --data-dir DIR`: a small demo kindergarten (4 groups, this school year,
 * every role, a month of attendance) to try the program with `npm run web -- --data-dir DIR`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, today: { type: 'string' } },
  });
  const dataDir = path.resolve(values['data-dir'] ?? 'demo-data');
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    console.error(`${dataDir} is not empty: the demo is made in a new folder.`);
    process.exit(2);
  }
  mkdirSync(dataDir, { recursive: true });
  const generator = new Generator({
    dataDir,
    today: values.today ?? rigaDate(new Date()),
    years: 1,
    groupsPerYear: 4,
    childrenPerGroup: 18,
    attendance: 'lastMonth',
    log: (line) => console.log(line),
  });
  const accounts = await generator.run();
  console.log(`\nDemo kindergarten in ${dataDir}. Accounts (user name / password):`);
  for (const a of accounts) {
    console.log(`  ${a.role.padEnd(8)} ${a.username.padEnd(12)} ${a.password}   ${a.fullName}`);
  }
  console.log(`\nOpen it with: npm run web -- --data-dir "${dataDir}"`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
