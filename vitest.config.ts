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
  'tests/integration/attendance.test.ts',
  'tests/integration/attendance-month.test.ts',
  'tests/integration/calendar.test.ts',
  'tests/integration/substitution.test.ts',
  'tests/integration/assessment.test.ts',
  'tests/integration/assessment-history.test.ts',
  'tests/integration/supervision.test.ts',
  'tests/integration/journals-entries.test.ts',
  'tests/integration/journals-talks.test.ts',
  'tests/integration/planning.test.ts',
  'tests/integration/release.test.ts',
  'tests/integration/attendance-sheet-pdf.test.ts',
  'tests/integration/planning-pdf.test.ts',
  'tests/integration/bad-input.test.ts',
  'tests/integration/mail-staff.test.ts',
  'tests/integration/mail-parents.test.ts',
  'tests/integration/mail-outbox.test.ts',
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
