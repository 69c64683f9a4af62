import { defineConfig } from 'vitest/config';

// tests/unit: pure code (shared rules, renderer logic, tooling). tests/integration: the core, db/,
// the transports and the desktop shell against real SQLite files, real images and real processes.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
