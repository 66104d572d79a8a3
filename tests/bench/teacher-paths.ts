import type Database from 'better-sqlite3-multiple-ciphers';
import { WorkingCalendar } from '../../common/calendar';
import { rawConnection } from '../../database/data-source';
import { ENROLLED_SQL, GROUP_SQL, MARKS_SQL } from '../../electron/api/attendance/queries';
import { BENCH_TODAY } from './dataset';
import type { Session } from './session';

export const MONTH = '2026-10';
export const [FIRST, LAST] = ['2026-10-01', '2026-10-31'];
/** A working day before "today" that every role may still write. */
export const DAY = '2026-11-27';
/** The by-hand side's cell: another day of the same child, so that the sides never race. */
const RAW_DAY = '2026-11-26';

export interface TeacherPaths {
  raw: Database.Database;
  groupId: number;
  calendar: WorkingCalendar;
  /** Her month grid through the program, and the same reads by hand. */
  grid: () => Promise<unknown>;
  gridByHand: () => void;
  /** One mark saved through the program, and the same checks and writes by hand. */
  saveOne: () => Promise<void>;
  saveByHand: () => void;
  /** Removes what the by-hand saves wrote. */
  cleanUp: () => void;
}

/**
 * The teacher's two hot paths of ARCHITECTURE on her own group (logged in as skolotaja1): her
 * month grid and one mark saved, each beside the same work on the raw driver on the program's
 * own connection. For the bench (tests/bench/service.ts) and tools/dbperf/marksave.ts.
 */
export async function teacherPaths(s: Session): Promise<TeacherPaths> {
  const { call, login, router } = s;
  if (router.state.isOpen()) await call('auth.logout', {});
  const teacherId = (await login('skolotaja1')).userId;
  const raw = rawConnection(router.state.db);
  const groupId = (await call('attendance.groups', { date: BENCH_TODAY }))[0].id;
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

  const child = (enrolled.all(groupId, DAY, DAY) as { childId: number }[])[0].childId;
  const current = raw
    .prepare('SELECT id, code FROM attendance_mark WHERE child_id = ? AND date = ?')
    .get(child, DAY) as { id: number; code: string } | undefined;
  let code = (current?.code ?? null) as 'NS' | 'NC' | null;

  // The same checks (her periods, group, enrolment, current code) and writes as the program:
  // the mark, its history, one audit event with its group and its link to the child (read by
  // the audit viewer's child filter and a child's data), in one transaction.
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
    'INSERT INTO audit_event (at, actor_id, on_behalf_of_id, action, entity, entity_id, ' +
      "group_id, before, after) VALUES (?, ?, NULL, 'bench', 'group', ?, ?, ?, ?) RETURNING id",
  );
  const link = raw.prepare('INSERT INTO audit_event_child (event_id, child_id) VALUES (?, ?)');

  return {
    raw,
    groupId,
    calendar,
    grid: () => call('attendance.month', { groupId, month: MONTH }),
    gridByHand: () => {
      periods.all(teacherId, teacherId, BENCH_TODAY, BENCH_TODAY);
      rawGroup.get(groupId);
      enrolled.all(groupId, LAST, FIRST);
      marks.all(groupId, FIRST, LAST);
      calendar.workingDaysOfMonth(2026, 10);
    },
    saveOne: async () => {
      const next = code === 'NS' ? 'NC' : 'NS';
      await call('attendance.save', {
        groupId,
        changes: [{ childId: child, date: DAY, expected: code, code: next }],
        reason: '',
      });
      code = next;
    },
    saveByHand: raw.transaction(() => {
      const at = new Date().toISOString();
      periods.all(teacherId, teacherId, BENCH_TODAY, BENCH_TODAY);
      rawGroup.get(groupId);
      enrolled.all(groupId, RAW_DAY, RAW_DAY);
      const row = rawCurrent.get(child, RAW_DAY, RAW_DAY) as
        { id: number; code: string } | undefined;
      const next = row?.code === 'NS' ? 'NC' : 'NS';
      if (row) updateMark.run(next, teacherId, at, row.id);
      else insertMark.run(child, groupId, RAW_DAY, next, teacherId, at);
      history.run(child, groupId, RAW_DAY, row?.code ?? null, next, teacherId, at);
      const cell = `${child}.${RAW_DAY}`;
      const event = auditRow.get(
        at,
        teacherId,
        groupId,
        groupId,
        JSON.stringify({ [cell]: row?.code ?? null }),
        JSON.stringify({ [cell]: next }),
      ) as { id: number };
      link.run(event.id, child);
    }),
    cleanUp: () => {
      raw
        .prepare(
          'DELETE FROM audit_event_child WHERE event_id IN ' +
            "(SELECT id FROM audit_event WHERE action = 'bench')",
        )
        .run();
      raw.prepare("DELETE FROM audit_event WHERE action = 'bench'").run();
      raw.prepare("DELETE FROM attendance_mark_history WHERE reason = 'bench'").run();
    },
  };
}
