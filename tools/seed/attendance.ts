import { addDays } from '../../common/dates';
import type { SeedApi } from './api';
import type { Members, SeedGroup } from './people';
import { recordSubstitutions, teacherOn, type PlannedSubstitution } from './substitutions';

type Code = 'NS' | 'NC' | 'N';

/** How often children are away by season, and why (ill with a note, other justified, not). */
function season(date: string): { rate: number; mix: [Code, number][] } {
  const month = Number(date.slice(5, 7));
  const winter = month === 12 || month <= 3;
  const summer = month >= 6 && month <= 8;
  const rate = winter ? 0.13 : summer ? 0.16 : 0.08;
  const mix: [Code, number][] = winter
    ? [
        ['NS', 0.65],
        ['NC', 0.25],
        ['N', 0.1],
      ]
    : summer
      ? [
          ['NC', 0.75],
          ['NS', 0.15],
          ['N', 0.1],
        ]
      : [
          ['NS', 0.45],
          ['NC', 0.4],
          ['N', 0.15],
        ];
  return { rate, mix };
}

/**
 * Every working day: the teacher (or the colleague standing in for her) marks the absent
 * children and confirms, mostly by 09:00.
 */
export async function seedAttendance(
  api: SeedApi,
  groups: SeedGroup[],
  members: Members,
  first: string,
  last: string,
  substitutions: PlannedSubstitution[] = [],
): Promise<void> {
  const random = api.random;
  for (let date = first; date <= last; date = addDays(date, 1)) {
    if (!api.calendar.isWorkingDay(date)) continue;
    await recordSubstitutions(api, substitutions, date);
    const { rate, mix } = season(date);
    api.at(date, `08:${String(random.int(0, 45)).padStart(2, '0')}`);
    const corrections: { groupId: number; childId: number }[] = [];
    for (const group of groups) {
      const changes = [];
      for (const child of members.get(group.id)!) {
        if (child.absentCode && random.chance(child.absentCode === 'NS' ? 0.7 : 0.6)) {
          // still away
        } else if (random.chance(rate / 2.5)) {
          let roll = random.next();
          child.absentCode = mix.find(([, p]) => (roll -= p) < 0)?.[0] ?? 'N';
        } else {
          child.absentCode = null;
        }
        if (child.absentCode) {
          changes.push({ childId: child.id, date, expected: null, code: child.absentCode });
          if (child.absentCode === 'N' && random.chance(0.2)) {
            corrections.push({ groupId: group.id, childId: child.id });
          }
        }
      }
      const teacher = teacherOn(substitutions, group, date, () => random.pick(group.teachers));
      if (changes.length > 0) {
        await api.as(teacher, 'attendance.save', { groupId: group.id, changes, reason: '' });
      }
      const late = random.chance(0.04);
      if (late) api.at(date, `09:${String(random.int(5, 50)).padStart(2, '0')}`);
      await api.as(teacher, 'attendance.confirm', { groupId: group.id, date });
      if (late) api.at(date, '08:50');
    }
    // The nurse's round: a doctor's note turns some N into NS.
    api.at(date, '11:30');
    for (const c of corrections) {
      await api.as('masa', 'attendance.save', {
        groupId: c.groupId,
        changes: [{ childId: c.childId, date, expected: 'N', code: 'NS' }],
        reason: 'Ārsta zīme',
      });
    }
    await api.as('masa', 'attendance.nurseConfirm', { date });
  }
}
