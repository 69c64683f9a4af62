// The connected desktop's store (desktop.db): everything desktop/ may call.

export * from './connection.js';
export * from './settings.js';
export * from './localSessions.js';
export * from './offlineCopy.js';
export * from './outbox.js';
export { inTransaction, type SqliteDb as Db } from '../sqlite/statements.js';
