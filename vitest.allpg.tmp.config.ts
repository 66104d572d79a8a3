import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    include: ['tests/integration/**/*.test.ts'],
    env: { REGISTER_TEST_ENGINE: 'postgres' },
    globalSetup: ['tests/postgres/global-setup.ts'],
  },
});
