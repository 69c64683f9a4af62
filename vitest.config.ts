import { defineConfig } from 'vitest/config';

// Unit and integration tests of shared/, db/ and the core run in Node against real SQLite files.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
