import { addMonths } from '../../common/dates';
import type { SeedApi } from './api';
import type { SeedGroup } from './people';

/** A teacher away for a few working days and a colleague of another group standing in. */
export interface PlannedSubstitution {
  groupId: number;
  absent: string;
  substitute: string;
  /** Working days, in order: the first is the day it is recorded. */
  days: string[];
}

/**
 * About one substitution a month across the kindergarten (the rules' 3.11). They are recorded by
 * the deputy on their first morning (seedAttendance does that), and while one lasts the
 * substitute marks the group's attendance in the absent teacher's name.
 */
export function planSubstitutions(
  api: SeedApi,
  groups: SeedGroup[],
  first: string,
  last: string,
): PlannedSubstitution[] {
  const random = api.random;
  const workingDays: string[] = [];
  for (let m = first.slice(0, 7); m <= last.slice(0, 7);) {
    const [y, mo] = m.split('-').map(Number) as [number, number];
    workingDays.push(
      ...api.calendar.workingDaysOfMonth(y, mo).filter((d) => d >= first && d <= last),
    );
    m = addMonths(m, 1);
  }
  const planned: PlannedSubstitution[] = [];
  if (groups.length < 2 || workingDays.length < 10) return planned;
  const count = Math.round(workingDays.length / 21);
  for (let i = 0; i < count; i++) {
    const group = random.pick(groups);
    const other = random.pick(groups.filter((g) => g.id !== group.id));
    const start = random.int(0, workingDays.length - 6);
    const days = workingDays.slice(start, start + random.int(1, 5));
    // One substitution per group at a time, as the service requires.
    const clash = planned.some(
      (p) => p.groupId === group.id && p.days[0] <= days.at(-1)! && p.days.at(-1)! >= days[0],
    );
    if (clash) continue;
    planned.push({
      groupId: group.id,
      absent: random.pick(group.teachers),
      substitute: random.pick(other.teachers),
      days,
    });
  }
  return planned.sort((a, b) => a.days[0].localeCompare(b.days[0]));
}

/** Records the substitutions that begin on `date`, as the deputy does that morning. */
export async function recordSubstitutions(
  api: SeedApi,
  planned: PlannedSubstitution[],
  date: string,
): Promise<void> {
  for (const p of planned.filter((s) => s.days[0] === date)) {
    api.at(date, '07:40');
    await api.as('vietniece', 'substitution.create', {
      groupId: p.groupId,
      absentId: api.userId(p.absent),
      substituteId: api.userId(p.substitute),
      fromDate: p.days[0],
      toDate: p.days.at(-1)!,
      note: 'Slimības lapa',
    });
  }
}

/** Who marks a group's attendance on `date`: the substitute while one stands in. */
export function teacherOn(
  planned: PlannedSubstitution[],
  group: SeedGroup,
  date: string,
  pick: () => string,
): string {
  const standIn = planned.find((p) => p.groupId === group.id && p.days.includes(date));
  return standIn ? standIn.substitute : pick();
}
