import path from 'node:path';
import { WorkingCalendar } from '../../common/calendar';
import { rawConnection } from '../../database/data-source';
import { ENROLLED_SQL, GROUP_SQL, MARKS_SQL } from '../../electron/api/attendance/queries';
import { interleave, loadAverage, type Timing } from '../../tests/bench/harness';
import { openSession } from '../../tests/bench/session';
import { BENCH_TODAY } from '../../tests/bench/dataset';

/**
 * `node dist-tools/tools/dbperf/marksave.js DATA_DIR [time|count|profile] [RUNS]`: the bench's
 * two teacher rows (tests/bench/service.ts: the month grid and saving one mark, each beside the
 * same work on the raw driver, interleaved) on a COPY of a dataset, without the rest of the
 * bench. `time` also sets the save beside that baseline plus the audit link row it leaves out;
 * `count` prints the SQL statements of one save and one grid; `profile` runs only our side (for
 * node --cpu-prof).
 */
const MONTH = '2026-10';
const [FIRST, LAST] = ['2026-10-01', '2026-10-31'];
const DAY = '2026-11-27';

async function main(): Promise<void> {
  const [dir, mode = 'time', runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 400);
  const { call, login, router } = openSession(path.resolve(dir));
  const teacher = await login('skolotaja1');
  const raw = rawConnection(router.state.db);
  const groupId = (await call('attendance.groups', { date: BENCH_TODAY }))[0].id;
  const teacherId = teacher.userId;
  const periods = raw.prepare(
    'SELECT group_id, from_date, to_date, NULL FROM group_teacher WHERE user_id = ? UNION ALL ' +
      'SELECT g.group_id, g.from_date, g.to_date, s.absent_id FROM substitution s JOIN group_teacher g ' +
      'ON g.user_id = s.absent_id AND g.group_id = s.group_id WHERE s.substitute_id = ? AND ' +
      's.from_date <= ? AND s.to_date >= ? ORDER BY 4, 1',
  );
  const [rawGroup, enrolled, marks] = [GROUP_SQL, ENROLLED_SQL, MARKS_SQL].map((q) =>
    raw.prepare(q),
  );
  const calendar = new WorkingCalendar();
  const grid = () => call('attendance.month', { groupId, month: MONTH });
  const gridByHand = () => {
    periods.all(teacherId, teacherId, BENCH_TODAY, BENCH_TODAY);
    rawGroup.get(groupId);
    enrolled.all(groupId, LAST, FIRST);
    marks.all(groupId, FIRST, LAST);
    calendar.workingDaysOfMonth(2026, 10);
  };

  const child = (enrolled.all(groupId, DAY, DAY) as { childId: number }[])[0].childId;
  const current = raw
    .prepare('SELECT id, code FROM attendance_mark WHERE child_id = ? AND date = ?')
    .get(child, DAY) as { id: number; code: string } | undefined;
  let code = (current?.code ?? null) as 'NS' | 'NC' | null;
  const saveOne = async () => {
    const next = code === 'NS' ? 'NC' : 'NS';
    await call('attendance.save', {
      groupId,
      changes: [{ childId: child, date: DAY, expected: code, code: next }],
      reason: '',
    });
    code = next;
  };
  const rawDay = '2026-11-26';
  const rawCurrent = raw.prepare(
    'SELECT id, code FROM attendance_mark WHERE child_id = ? AND date >= ? AND date <= ?',
  );
  const insertMark = raw.prepare(
    'INSERT INTO attendance_mark (child_id, group_id, date, code, corrected, updated_by, updated_at) ' +
      'VALUES (?, ?, ?, ?, 0, ?, ?)',
  );
  const updateMark = raw.prepare(
    'UPDATE attendance_mark SET code = ?, corrected = 0, updated_by = ?, updated_at = ? WHERE id = ?',
  );
  const history = raw.prepare(
    'INSERT INTO attendance_mark_history (child_id, group_id, date, old_code, new_code, actor_id, ' +
      "acted_as, on_behalf_of, reason, at) VALUES (?, ?, ?, ?, ?, ?, 'teacher', NULL, 'bench', ?)",
  );
  const auditRow = raw.prepare(
    'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, before, ' +
      "after) VALUES (?, ?, NULL, 'bench', 'group', ?, ?, ?)",
  );
  // What the bench's baseline leaves out and the program must write: the event's link to the
  // child (audit_event_child, read by the audit viewer and a child's data) and its group.
  const fullAudit = raw.prepare(
    'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, ' +
      "group_id, before, after) VALUES (?, ?, NULL, 'bench', 'group', ?, ?, ?, ?) RETURNING id",
  );
  const link = raw.prepare('INSERT INTO audit_event_child (event_id, child_id) VALUES (?, ?)');
  let withLink = false;
  const saveByHand = raw.transaction(() => {
    const at = new Date().toISOString();
    periods.all(teacherId, teacherId, BENCH_TODAY, BENCH_TODAY);
    rawGroup.get(groupId);
    enrolled.all(groupId, rawDay, rawDay);
    const row = rawCurrent.get(child, rawDay, rawDay) as { id: number; code: string } | undefined;
    const next = row?.code === 'NS' ? 'NC' : 'NS';
    if (row) updateMark.run(next, teacherId, at, row.id);
    else insertMark.run(child, groupId, rawDay, next, teacherId, at);
    history.run(child, groupId, rawDay, row?.code ?? null, next, teacherId, at);
    const before = JSON.stringify({ [`${child}.${rawDay}`]: row?.code ?? null });
    const after = JSON.stringify({ [`${child}.${rawDay}`]: next });
    if (!withLink) {
      auditRow.run(at, teacherId, groupId, before, after);
      return;
    }
    const event = fullAudit.get(at, teacherId, groupId, groupId, before, after) as { id: number };
    link.run(event.id, child);
  });

  if (mode === 'count') {
    const logger = router.state.db.logger;
    const seen: string[] = [];
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      original(query, parameters, runner);
    };
    for (const [name, work] of [
      ['save', saveOne],
      ['grid', grid],
    ] as const) {
      await work();
      seen.length = 0;
      await work();
      console.log(`${name}: ${seen.length} statements`);
      for (const q of seen) console.log(`  ${q.slice(0, 150)}`);
    }
  } else if (mode === 'profile') {
    for (let i = 0; i < runs; i++) {
      await saveOne();
      await grid();
    }
  } else {
    const show = (name: string, [ours, base]: [Timing, Timing]) =>
      console.log(
        `${name}: ours p50 ${ours.p50.toFixed(3)} p95 ${ours.p95.toFixed(3)} ms; raw p50 ` +
          `${base.p50.toFixed(3)} p95 ${base.p95.toFixed(3)} ms; ratio ${(ours.p50 / base.p50).toFixed(2)}×`,
      );
    show('grid', await interleave(grid, gridByHand, { warmup: 200, runs }));
    show('save', await interleave(saveOne, () => saveByHand(), { warmup: 20, runs }));
    withLink = true;
    show(
      'save vs baseline + audit link',
      await interleave(saveOne, () => saveByHand(), { warmup: 20, runs }),
    );
    console.log(`load average: ${loadAverage()}`);
  }
  raw
    .prepare(
      "DELETE FROM audit_event_child WHERE event_id IN (SELECT id FROM audit_event WHERE action = 'bench')",
    )
    .run();
  raw.prepare("DELETE FROM audit_event WHERE action = 'bench'").run();
  raw.prepare("DELETE FROM attendance_mark_history WHERE reason = 'bench'").run();
  await router.dispose();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
