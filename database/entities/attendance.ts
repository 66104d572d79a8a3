/** Entities of the attendance domain; each class is also listed in ATTENDANCE_ENTITIES. */
export const ATTENDANCE_ENTITIES: (new () => object)[] = [];
