import { defineConfig } from 'vitest/config';

/**
 * Integration suites that also run on PostgreSQL (server mode's engine). The others are about
 * the single-PC file itself (or its backup, until the payload is engine-neutral): listed with
 * the reason in docs/server-mode.md.
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
  'tests/integration/privacy-export.test.ts',
  'tests/integration/privacy-notice.test.ts',
  'tests/integration/privacy-retention.test.ts',
  'tests/integration/audit-completeness.security.test.ts',
  'tests/integration/audit-history.test.ts',
  'tests/integration/audit-storage.test.ts',
  'tests/integration/audit-viewer.test.ts',
  'tests/integration/overview-files.test.ts',
  'tests/integration/overview-home.test.ts',
  'tests/integration/overview-report.test.ts',
  'tests/integration/seed.test.ts',
  'tests/integration/privacy-scan.security.test.ts',
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
