/** Entities of the planning domain; each class is also listed in PLANNING_ENTITIES. */
export const PLANNING_ENTITIES: (new () => object)[] = [];
