/** Entities of the supervision domain; each class is also listed in SUPERVISION_ENTITIES. */
export const SUPERVISION_ENTITIES: (new () => object)[] = [];
