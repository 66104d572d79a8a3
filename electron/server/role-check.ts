import type { DataSource } from 'typeorm';
import { ConfigError } from './config';

/**
 * Least privilege: the server's role owns its database and nothing else. A role that may create
 * databases or roles, or is a superuser, would let a flaw in the program reach the whole
 * PostgreSQL server, so the server refuses to start with it and says which right is too many.
 */
export async function refuseMightyRole(db: DataSource): Promise<void> {
  const [role] = await db.query<
    { name: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }[]
  >(
    'SELECT rolname AS name, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles ' +
      'WHERE rolname = current_user',
  );
  const rights = [
    role.rolsuper && 'SUPERUSER (superlietotājs)',
    role.rolcreatedb && 'CREATEDB (drīkst veidot datubāzes)',
    role.rolcreaterole && 'CREATEROLE (drīkst veidot lomas)',
  ].filter((r): r is string => typeof r === 'string');
  if (rights.length === 0) return;
  throw new ConfigError(
    `Datubāzes lomai "${role.name}" ir par daudz tiesību: ${rights.join(', ')}. Serveris ` +
      `strādā tikai ar lomu, kurai pieder sava datubāze un nekas vairāk: ALTER ROLE ` +
      `${role.name} NOSUPERUSER NOCREATEDB NOCREATEROLE; / The database role "${role.name}" ` +
      `may ${rights.map((r) => r.split(' ')[0]).join(', ')}: refused, see the README's server section.`,
  );
}
