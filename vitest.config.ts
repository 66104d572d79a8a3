import { defineConfig } from 'vitest/config';

/**
 * Integration suites that also run on PostgreSQL (server mode's engine). The others are listed
 * with the reason they do not yet in docs/server-mode.md; the list grows as they are ported.
 */
const ON_POSTGRES = [
  'tests/integration/schema-drift.test.ts',
  'tests/integration/auth.security.test.ts',
  'tests/integration/people.test.ts',
  'tests/integration/people-import.test.ts',
  'tests/integration/people-pdf.test.ts',
  'tests/integration/people-permissions.security.test.ts',
  'tests/integration/permissions.security.test.ts',
  'tests/integration/access-scope.security.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Native SQLite driver: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          env: { REGISTER_TEST_ENGINE: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // Server mode itself (sessions, HTTPS, the client) needs PostgreSQL: only here.
          include: [...ON_POSTGRES, 'tests/server/**/*.test.ts'],
          env: { REGISTER_TEST_ENGINE: 'postgres' },
          globalSetup: ['tests/postgres/global-setup.ts'],
        },
      },
    ],
  },
});
