// Row locks a write takes so that writes which must not pass each other take turns on
// PostgreSQL, whose transactions run side by side (SQLite's write transactions already take
// turns, so there they are nothing). A story's own row: lockStoryRow in stories.ts.

import type { Db } from '../sql.js';
import type { Id } from '../../shared/domain.js';

/**
 * Inside a write: holds the person's staff row until it ends, so two of their creates carrying
 * the same client key (a desktop sending again through another server process) take turns and
 * the second finds the key the first recorded.
 */
export async function lockStaffRow(db: Db, staffId: Id): Promise<void> {
  if (db.dialect === 'sqlite') return;
  await db.get(`SELECT 1 FROM staff WHERE id = ? FOR UPDATE`, staffId);
}
