import { configDefaults, defineConfig } from 'vitest/config';

const shared = {
  environment: 'node',
  pool: 'forks',
  testTimeout: 30_000,
  hookTimeout: 30_000,
} as const;

// tests/unit: pure code (shared rules, renderer logic, tooling). tests/integration: the core, db/,
// the transports and the desktop shell against real SQLite files, real images and real processes.
// The core, db/, transport, publishing, photo and sync suites run a second time on PostgreSQL
// (project `postgres`): the harness and the server processes the sync tests start read
// NEWSDESK_TEST_BACKEND (TEST_BACKEND in tests/support/postgres.ts).
export default defineConfig({
  test: {
    // The root's global setup runs once per `vitest run` and both projects inherit what it
    // provides: one throw-away PostgreSQL cluster for the run (about 1.3 s to start). The projects
    // do not `extends: true` the root: that would give each the global setup, and a cluster of its own.
    globalSetup: ['tests/support/postgresGlobalSetup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          // The PostgreSQL adapter's own tests (the cluster, the store, its search, restarts and
          // migrations) are about PostgreSQL alone, and the query modules' test runs both databases
          // itself: once (under postgres) is enough.
          // Several server processes share only a PostgreSQL database: the postgres project runs those two files.
          exclude: [
            ...configDefaults.exclude,
            'tests/integration/db/postgres*.test.ts',
            'tests/integration/db/queryModules.test.ts',
            'tests/integration/core/concurrency.test.ts',
            'tests/integration/transport/server-processes.test.ts',
          ],
        },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          include: [
            'tests/integration/core/**/*.test.ts',
            'tests/integration/db/**/*.test.ts',
            'tests/integration/transport/**/*.test.ts',
            'tests/integration/publishing/**/*.test.ts',
            'tests/integration/photos/**/*.test.ts',
            'tests/integration/sync/**/*.test.ts',
            // The newsroom server a connected desktop talks to; the desktop itself keeps SQLite.
            'tests/integration/desktop/connected-serve.test.ts',
          ],
          // What only the data folder's SQLite file has: its file lock, its file modes, its online
          // backup, and power-cut durability of its write-ahead log (the throw-away cluster runs
          // without fsync, so a SIGKILL test there proves nothing; the server-processes test kills
          // a server process instead). The migration tests build SQLite files at old versions.
          exclude: [
            ...configDefaults.exclude,
            'tests/integration/core/crash.test.ts',
            'tests/integration/core/dataDirLock.test.ts',
            'tests/integration/core/privateFiles.test.ts',
            'tests/integration/transport/serve-backup.test.ts',
            'tests/integration/db/migration-*.test.ts',
            'tests/integration/db/open.test.ts',
            // Moving a newsroom into PostgreSQL builds the desktop's on SQLite with the harness, which follows the project's backend: it runs under sqlite.
            'tests/integration/db/importNewsroom.test.ts',
            // Restoring an older copy of the newsroom's SQLite file over it (PostgreSQL restores with pg_restore).
            'tests/integration/publishing/restoreBackup.test.ts',
            // Kills the connected desktop mid-replay: what it proves is its own SQLite outbox surviving the kill, the same whatever
            // the server's backend (a replayed save applied once on PostgreSQL: core/idempotentSaves.test.ts).
            'tests/integration/sync/kill-replay.test.ts',
            // Pure functions that never touch storage: once (under sqlite) is enough.
            'tests/integration/publishing/render.test.ts',
            'tests/integration/photos/pure.test.ts',
            'tests/integration/photos/readers.test.ts',
            'tests/integration/photos/metadataReader.test.ts',
            'tests/integration/photos/mwgOracle.test.ts',
            'tests/integration/photos/writeBack.test.ts',
          ],
          env: { NEWSDESK_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
