import { statSync } from 'node:fs';
import path from 'node:path';
import { rawConnection } from '../../database/data-source';
import { openSession } from '../../tests/bench/session';

/**
 * `node dist-tools/tools/dbperf/old-shape.js COPY_DIR`: the size a ten-year register of issue 12's
 * own dataset shape takes stored as main stores it now. It DELETES from the copy what the issue
 * asked the bench to add since (guardians, applications, talks, substitutions, closures and the
 * login events, with their audit events), then VACUUMs and prints the file and its largest
 * tables. Never run it on a register anyone uses.
 */
const ADDED_EVENTS =
  "SELECT id FROM audit_event WHERE action LIKE 'auth.%' OR action LIKE 'people.guardian%' " +
  "OR action LIKE 'people.application%' OR action LIKE 'journals.talk%' " +
  "OR action LIKE 'substitution.%' OR action LIKE 'calendar.%'";
const ADDED_TABLES = [
  'child_guardian',
  'guardian',
  'parent_application',
  'parent_talk_guardian',
  'parent_talk',
  'substitution',
  'calendar_day',
];

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2]);
  const session = openSession(dir);
  await session.login('vaditaja');
  const db = rawConnection(session.router.state.db);
  const mib = () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return (statSync(path.join(dir, 'register.db')).size / 1048576).toFixed(1);
  };
  console.log(`file as built: ${mib()} MiB`);
  db.pragma('foreign_keys = OFF');
  const count = (sql: string) =>
    (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get() as { n: number }).n;
  console.log(`events removed: ${count(ADDED_EVENTS)} of ${count('SELECT id FROM audit_event')}`);
  db.exec(`DELETE FROM audit_event_child WHERE event_id IN (${ADDED_EVENTS})`);
  db.exec(`DELETE FROM audit_event WHERE id IN (${ADDED_EVENTS})`);
  for (const table of ADDED_TABLES) db.exec(`DELETE FROM "${table}"`);
  db.exec('VACUUM');
  console.log(`file in the issue's shape: ${mib()} MiB`);
  const largest = db
    .prepare(
      'SELECT name, round(sum(pgsize) / 1048576.0, 1) AS mib FROM dbstat GROUP BY name ' +
        'ORDER BY 2 DESC LIMIT 12',
    )
    .all() as { name: string; mib: number }[];
  for (const { name, mib: size } of largest) console.log(`  ${name.padEnd(40)} ${size}`);
  await session.router.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
