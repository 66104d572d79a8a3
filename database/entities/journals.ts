/** Entities of the journals domain; each class is also listed in JOURNALS_ENTITIES. */
export const JOURNALS_ENTITIES: (new () => object)[] = [];
