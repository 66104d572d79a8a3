import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AttendanceGroup, CellCode } from '../../../common/contract/attendance';
import { call } from '../api/client';

/** The key a person presses → the code it sets (undefined: not a code key). */
export function codeForKey(key: string): CellCode | undefined {
  switch (key.toLowerCase()) {
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

export { download } from '../download';

export function groupLabel(g: AttendanceGroup): string {
  return g.number === null ? g.name : `${g.number}. «${g.name}»`;
}

/** The group last chosen, shared by the day view, the month grid and the nurse's links. */
export const useAttendanceStore = defineStore('attendance', () => {
  const groups = ref<AttendanceGroup[]>([]);
  const groupId = ref<number | null>(null);

  async function loadGroups(date: string): Promise<void> {
    const loaded = await call('attendance.groups', { date });
    // Replaced only when it differs: a new list re-renders every screen that shows it (the month
    // grid included), and switching months usually keeps the same groups.
    if (JSON.stringify(loaded) !== JSON.stringify(groups.value)) groups.value = loaded;
    if (!groups.value.some((g) => g.id === groupId.value)) {
      groupId.value = groups.value[0]?.id ?? null;
    }
  }

  return { groups, groupId, loadGroups };
});
