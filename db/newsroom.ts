// Facts about the newsroom itself (migration 007), as key → text: 'demo' marks a demo newsroom.

import type { Db } from './sql.js';

export async function getNewsroomFact(db: Db, key: string): Promise<string | null> {
  return ((await db.value(`SELECT value FROM newsroom WHERE key = ?`, key)) as string | undefined) ?? null;
}

export async function setNewsroomFact(db: Db, key: string, value: string): Promise<void> {
  await db.run(`INSERT INTO newsroom (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value);
}
