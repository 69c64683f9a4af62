// The storage layer's public face: everything the core may call. All SQL lives under db/: the
// query modules here (portable SQL through the port in sql.ts), the two adapters in sqlite/ and
// postgres/ (connection, schema migrations, and what only that engine has).

export * from './sql.js';
export * from './sqlite/connection.js';
export * from './sqlite/store.js';
export type { SqliteDb } from './sqlite/statements.js';
export * from './staff.js';
export * from './stories.js';
export * from './revisions.js';
export * from './comments.js';
export * from './audit.js';
export * from './settings.js';
export * from './search.js';
export * from './storyPhotos.js';
export * from './findings.js';
export * from './sessions.js';
export * from './setupCodes.js';
export * from './signInThrottle.js';
export * from './accountEvents.js';
export * from './newsroom.js';
export * from './appliedKeys.js';
export * from './people.js';
export { openPostgres, type PostgresSql, type AdvisoryKey } from './postgres/connection.js';
export { PostgresRefused, StorageUnavailable } from './postgres/errors.js';
export { NEWSDESK_LOCK_SPACE } from './postgres/migrate.js';
