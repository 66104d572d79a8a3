import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../database/data-source';
import { freshPostgresPool, TEST_ENGINE } from '../postgres/databases';
import { tempDir } from './helpers';
import { catalogOf, type Catalog } from './schema-catalog';

/**
 * The entities (what the code reads and writes) and the migrations (what a real database holds)
 * are written separately; nothing else notices when they part. This opens a freshly migrated
 * database (the encrypted SQLite file, or PostgreSQL in the postgres project) and compares every
 * table with TypeORM's entity metadata: columns, types, nullability, defaults, primary keys,
 * indexes and unique constraints. Foreign keys are not compared: the entities declare no
 * relations, so they have nothing to compare with.
 */

/** Tables that belong to TypeORM's migration bookkeeping, not to an entity. */
const NOT_ENTITIES = new Set(['migrations']);

const list = (names: string[]) => names.join(', ');

async function tableDrift(db: DataSource, catalog: Catalog, table: string): Promise<string[]> {
  const meta = db.entityMetadatas.find((m) => m.tableName === table)!;
  const found: string[] = [];
  const byName = new Map((await catalog.columns(table)).map((c) => [c.name, c]));
  const entityColumns = new Map<string, ColumnMetadata>(
    meta.columns.map((c) => [c.databaseName, c]),
  );

  for (const name of [...byName.keys()].filter((n) => !entityColumns.has(n))) {
    found.push(`${table}.${name}: in the database, not in the entity`);
  }
  for (const [name, column] of entityColumns) {
    const dbColumn = byName.get(name);
    if (!dbColumn) {
      found.push(`${table}.${name}: in the entity, no migration makes it`);
      continue;
    }
    const at = `${table}.${name}`;
    const type = db.driver.normalizeType(column).toLowerCase();
    if (dbColumn.type !== type) {
      found.push(`${at}: type ${dbColumn.type} in the database, ${type} in the entity`);
    }
    // A primary key is never null; the entity reports it as not nullable either way.
    if (dbColumn.nullable !== column.isNullable) {
      const says = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL');
      found.push(
        `${at}: ${says(dbColumn.nullable)} in the database, ${says(column.isNullable)} in the entity`,
      );
    }
    const entityDefault = await catalog.entityDefault(column);
    if (dbColumn.default !== entityDefault) {
      found.push(
        `${at}: default ${dbColumn.default} in the database, ${entityDefault} in the entity`,
      );
    }
    if (dbColumn.primary !== column.isPrimary) {
      found.push(
        `${at}: primary key ${dbColumn.primary} in the database, ${column.isPrimary} in the entity`,
      );
    }
    const entityIncrement = column.isGenerated && column.generationStrategy === 'increment';
    if (dbColumn.increment !== entityIncrement) {
      found.push(
        `${at}: autoincrement ${dbColumn.increment} in the database, ${entityIncrement} in the entity`,
      );
    }
  }

  const dbIndexes = await catalog.indexes(table);
  // Named indexes (CREATE INDEX): name, columns in order, unique, partial.
  const entityIndexes = new Map(meta.indices.map((i) => [i.name, i]));
  for (const index of dbIndexes.filter((i) => i.origin === 'index')) {
    const entity = entityIndexes.get(index.name);
    if (!entity) {
      found.push(`${table}: index ${index.name} in the database, not declared in the entity`);
      continue;
    }
    entityIndexes.delete(index.name);
    const dbShape = `(${list(index.columns)})${index.unique ? ' unique' : ''}${index.partial ? ' partial' : ''}`;
    const entityShape = `(${list(entity.columns.map((c) => c.databaseName))})${entity.isUnique ? ' unique' : ''}${entity.where ? ' partial' : ''}`;
    if (dbShape !== entityShape) {
      found.push(
        `${table}: index ${index.name} is ${dbShape} in the database, ${entityShape} in the entity`,
      );
    }
  }
  for (const name of entityIndexes.keys()) {
    found.push(`${table}: index ${name} in the entity, no migration makes it`);
  }

  // Unique constraints (a column's `unique`, @Unique): engines name them themselves, so compare columns.
  const dbUniques = dbIndexes.filter((i) => i.origin === 'unique').map((i) => list(i.columns));
  const entityUniques = meta.uniques.map((u) => list(u.columns.map((c) => c.databaseName)));
  for (const columns of dbUniques.filter((u) => !entityUniques.includes(u))) {
    found.push(`${table}: unique (${columns}) in the database, not in the entity`);
  }
  for (const columns of entityUniques.filter((u) => !dbUniques.includes(u))) {
    found.push(`${table}: unique (${columns}) in the entity, no migration makes it`);
  }
  return found;
}

/** Every difference between the migrated database and the entities, one readable line each. */
async function schemaDrift(db: DataSource): Promise<string[]> {
  const catalog = catalogOf(db);
  const tables = (await catalog.tables()).filter((name) => !NOT_ENTITIES.has(name));
  const entityTables = db.entityMetadatas.map((m) => m.tableName);
  const found: string[] = [];
  for (const table of tables.filter((t) => !entityTables.includes(t)).sort()) {
    found.push(`${table}: a table in the database with no entity`);
  }
  for (const table of entityTables.filter((t) => !tables.includes(t)).sort()) {
    found.push(`${table}: an entity with no table (no migration makes it)`);
  }
  for (const table of entityTables.filter((t) => tables.includes(t)).sort()) {
    found.push(...(await tableDrift(db, catalog, table)));
  }
  return found;
}

const opened: DataSource[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

/** A database migrated from nothing on the engine of this run (vitest.config.ts). */
async function freshDatabase(): Promise<DataSource> {
  if (TEST_ENGINE === 'postgres') return freshPostgresPool(false);
  const db = await openDatabase({ dataDir: tempDir(), key: randomBytes(32), create: true });
  opened.push(db);
  return db;
}

describe('entities and migrations describe the same schema', () => {
  it('a freshly migrated database matches the entity metadata, table by table', async () => {
    const db = await freshDatabase();
    expect(db.entityMetadatas.length).toBeGreaterThan(20);
    expect(await schemaDrift(db)).toEqual([]);
  });

  it('reports a column or an index that only one side has', async () => {
    const db = await freshDatabase();
    // As if the entity had gained a column, an index and a NOT NULL no migration made.
    await db.query('ALTER TABLE institution DROP COLUMN address');
    await db.query('DROP INDEX idx_audit_event_at');
    await db.query('ALTER TABLE child ADD COLUMN nickname text');
    await db.query('CREATE INDEX idx_child_nickname ON child (nickname)');
    await db.query('ALTER TABLE "user" RENAME COLUMN full_name TO name_only');
    expect(await schemaDrift(db)).toEqual([
      'audit_event: index idx_audit_event_at in the entity, no migration makes it',
      'child.nickname: in the database, not in the entity',
      'child: index idx_child_nickname in the database, not declared in the entity',
      'institution.address: in the entity, no migration makes it',
      'user.name_only: in the database, not in the entity',
      'user.full_name: in the entity, no migration makes it',
    ]);
  });
});

describe('migration 0010: institution.assessment_due_days NOT NULL', () => {
  it('keeps the institution row, fills a missing value with 5 and can be undone', async () => {
    const db = await freshDatabase();
    // Undo the later migrations too, down to and including 0010.
    const applied = async () =>
      (await db.query<{ name: string }[]>('SELECT name FROM migrations')).map((m) => m.name);
    while ((await applied()).includes('InstitutionNotNull0000000000010')) {
      await db.undoLastMigration({ transaction: 'each' });
    }
    await db.query(
      "INSERT INTO institution (id, name, reg_no, address, idle_minutes, assessment_due_days) VALUES (1, 'PII «Zīlīte»', '40900012345', 'Rīga', 15, NULL)",
    );
    await db.runMigrations({ transaction: 'each' });
    expect(
      await db.query('SELECT name, idle_minutes, assessment_due_days FROM institution'),
    ).toEqual([{ name: 'PII «Zīlīte»', idle_minutes: 15, assessment_due_days: 5 }]);
    expect(await schemaDrift(db)).toEqual([]);
  });
});
