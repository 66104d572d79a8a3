/** Entities of the backup domain; each class is also listed in BACKUP_ENTITIES. */
export const BACKUP_ENTITIES: (new () => object)[] = [];
