/** What the PostgreSQL project's global setup hands every test file (vitest's provide/inject). */
export interface PostgresTestServer {
  /** A superuser's URL: creates and drops the per-test databases. */
  adminUrl: string;
  host: string;
  port: number;
  /** The role the program connects as: it owns its database and nothing more. */
  role: string;
  password: string;
  /** The migrated database each test copies. */
  template: string;
}

export const APP_ROLE = 'register_test_app';

/** Text compares and sorts byte by byte, as on SQLite. */
export const C_LOCALE = "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'";
