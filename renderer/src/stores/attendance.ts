import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Input } from '../../../common/contract';
import type { AttendanceGroup, CellCode } from '../../../common/contract/attendance';
import { call } from '../api/client';
import { i18n } from '../i18n';

/**
 * The key a person presses → the code it sets (undefined: not a code key). `physical` is the
 * key's place (KeyboardEvent.code), so N S C P work on a Russian or Latvian layout alike.
 */
export function codeForKey(key: string, physical = ''): CellCode | undefined {
  const letter = /^Key([A-Z])$/.exec(physical)?.[1];
  switch (letter && !/^[a-z]$/i.test(key) ? letter.toLowerCase() : key.toLowerCase()) {
    case 'n':
      return 'N';
    case 's':
      return 'NS';
    case 'c':
      return 'NC';
    case 'p':
    case 'delete':
    case 'backspace':
      return null;
    default:
      return undefined;
  }
}

/** An edit not yet saved: the code loaded (the save is refused if it changed since) and the new. */
export interface MarkChange {
  childId: number;
  date: string;
  expected: CellCode;
  code: CellCode;
}

/** A cell's key, "<childId>.<date>", as the backend names cells in its refusals ("cells.<key>"). */
export const cellKey = (childId: number, date: string): string => `${childId}.${date}`;

/** One form for a group everywhere: "3. grupa «Zīlītes»" (or the name alone, unnumbered). */
export function groupLabel(g: Pick<AttendanceGroup, 'number' | 'name'>): string {
  return g.number === null
    ? g.name
    : i18n.global.t('common.groupLabel', { number: g.number, name: g.name });
}

/**
 * The group last chosen, shared by the day view, the month grid and the nurse's links; and the
 * attendance calls of the screens, which keep what they show themselves (a day, a month grid).
 */
export const useAttendanceStore = defineStore('attendance', () => {
  const groups = ref<AttendanceGroup[]>([]);
  const groupId = ref<number | null>(null);

  /** The groups of a date, not shown yet (the month grid asks for the months beside ahead). */
  const groupsOn = (date: string, ahead = false) => call('attendance.groups', { date }, { ahead });

  function showGroups(loaded: AttendanceGroup[]): void {
    // Replaced only when it differs: a new list re-renders every screen that shows it (the month
    // grid included), and switching months usually keeps the same groups.
    if (JSON.stringify(loaded) !== JSON.stringify(groups.value)) groups.value = loaded;
    if (!groups.value.some((g) => g.id === groupId.value)) {
      groupId.value = groups.value[0]?.id ?? null;
    }
  }

  async function loadGroups(date: string): Promise<void> {
    showGroups(await groupsOn(date));
  }

  const day = (group: number, date: string) => call('attendance.day', { groupId: group, date });
  const saveMarks = (input: Input<'attendance.save'>) => call('attendance.save', input);
  const confirmDay = (group: number, date: string) =>
    call('attendance.confirm', { groupId: group, date });
  const monthGrid = (group: number, month: string, ahead = false) =>
    call('attendance.month', { groupId: group, month }, { ahead });
  const exportMonth = (group: number, month: string, format: 'pdf' | 'xlsx') =>
    call('attendance.export', { groupId: group, month, format });
  const nurseDay = (date: string) => call('attendance.nurseDay', { date });
  const nurseConfirm = (date: string) => call('attendance.nurseConfirm', { date });
  const cellHistory = (childId: number, date: string) =>
    call('attendance.history', { childId, date });
  const summary = (month: string) => call('attendance.summary', { month });

  return {
    groups,
    groupId,
    groupsOn,
    showGroups,
    loadGroups,
    day,
    saveMarks,
    confirmDay,
    monthGrid,
    exportMonth,
    nurseDay,
    nurseConfirm,
    cellHistory,
    summary,
  };
});
