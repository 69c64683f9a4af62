// The renderer's sessions with this desktop, stored as the SHA-256 of their token.

import { stmt, type SqliteDb as Db } from '../sqlite/statements.js';

export function insertLocalSession(db: Db, tokenHash: string, staffId: number, at: string): void {
  stmt(db, `INSERT INTO local_sessions (token_hash, staff_id, created_at) VALUES (?, ?, ?)`).run(tokenHash, staffId, at);
}

export function localSessionStaff(db: Db, tokenHash: string): number | null {
  const row = stmt(db, `SELECT staff_id FROM local_sessions WHERE token_hash = ?`).get(tokenHash) as { staff_id: number } | undefined;
  return row?.staff_id ?? null;
}

export function deleteLocalSession(db: Db, tokenHash: string): void {
  stmt(db, `DELETE FROM local_sessions WHERE token_hash = ?`).run(tokenHash);
}

export function deleteAllLocalSessions(db: Db): void {
  stmt(db, `DELETE FROM local_sessions`).run();
}
