// Setup codes (migration 007): the SHA-256 of each one-time code with which a person sets their
// password. At most one unused code per person: issuing one removes the person's unused ones.

import type { Id } from '../shared/domain.js';
import { stmt, type Db } from './statements.js';

export interface SetupCodeRecord {
  id: Id;
  staffId: Id;
  firstAdmin: boolean;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function replaceSetupCode(db: Db, c: { codeHash: Buffer; staffId: Id; firstAdmin: boolean; at: string; expiresAt: string }): Id {
  dropUnusedSetupCodes(db, c.staffId);
  return Number(
    stmt(db, `INSERT INTO setup_codes (code_hash, staff_id, first_admin, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`).run(
      c.codeHash,
      c.staffId,
      c.firstAdmin ? 1 : 0,
      c.at,
      c.expiresAt,
    ).lastInsertRowid,
  );
}

/** A person's codes not used yet go (a password was set another way, or a new code replaces them). */
export function dropUnusedSetupCodes(db: Db, staffId: Id): void {
  stmt(db, `DELETE FROM setup_codes WHERE staff_id = ? AND used_at IS NULL`).run(staffId);
}

export function findSetupCode(db: Db, codeHash: Buffer): SetupCodeRecord | null {
  const row = stmt(
    db,
    `SELECT id, staff_id AS staffId, first_admin AS firstAdmin, created_at AS createdAt, expires_at AS expiresAt, used_at AS usedAt
     FROM setup_codes WHERE code_hash = ?`,
  ).get(codeHash) as (Omit<SetupCodeRecord, 'firstAdmin'> & { firstAdmin: number }) | undefined;
  return row ? { ...row, firstAdmin: row.firstAdmin === 1 } : null;
}

export function markSetupCodeUsed(db: Db, id: Id, at: string): void {
  stmt(db, `UPDATE setup_codes SET used_at = ? WHERE id = ?`).run(at, id);
}
