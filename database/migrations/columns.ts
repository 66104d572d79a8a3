/** Column and key shapes every migration uses (TypeORM Table API, portable types). */
export const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/** A foreign key from `column` to `table`.id. */
export const fk = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
});
