import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Native SQLite driver: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
