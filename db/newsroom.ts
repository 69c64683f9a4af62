// Facts about the newsroom itself (migration 007), as key → text: 'demo' marks a demo newsroom.

import { stmt, type Db } from './statements.js';

export function getNewsroomFact(db: Db, key: string): string | null {
  return (stmt(db, `SELECT value FROM newsroom WHERE key = ?`).pluck().get(key) as string | undefined) ?? null;
}

export function setNewsroomFact(db: Db, key: string, value: string): void {
  stmt(db, `INSERT INTO newsroom (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}
