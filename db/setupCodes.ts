// Setup codes (migration 007): the SHA-256 of each one-time code with which a person sets their
// password. At most one unused code per person: issuing one removes the person's unused ones.

import type { Id } from '../shared/domain.js';
import type { Db } from './sql.js';

export interface SetupCodeRecord {
  id: Id;
  staffId: Id;
  firstAdmin: boolean;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export async function replaceSetupCode(db: Db, c: { codeHash: Buffer; staffId: Id; firstAdmin: boolean; at: string; expiresAt: string }): Promise<Id> {
  await dropUnusedSetupCodes(db, c.staffId);
  return Number(
    await db.value(
      `INSERT INTO setup_codes (code_hash, staff_id, first_admin, created_at, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
      c.codeHash,
      c.staffId,
      c.firstAdmin ? 1 : 0,
      c.at,
      c.expiresAt,
    ),
  );
}

/** A person's codes not used yet go (a password was set another way, or a new code replaces them). */
export async function dropUnusedSetupCodes(db: Db, staffId: Id): Promise<void> {
  await db.run(`DELETE FROM setup_codes WHERE staff_id = ? AND used_at IS NULL`, staffId);
}

export async function findSetupCode(db: Db, codeHash: Buffer): Promise<SetupCodeRecord | null> {
  const row = (await db.get(
    `SELECT id, staff_id AS "staffId", first_admin AS "firstAdmin", created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
     FROM setup_codes WHERE code_hash = ?`,
    codeHash,
  )) as (Omit<SetupCodeRecord, 'firstAdmin'> & { firstAdmin: number }) | undefined;
  return row ? { ...row, firstAdmin: row.firstAdmin === 1 } : null;
}

export async function markSetupCodeUsed(db: Db, id: Id, at: string): Promise<void> {
  await db.run(`UPDATE setup_codes SET used_at = ? WHERE id = ?`, at, id);
}
