// Settings as key → JSON value. Defaults live with the core; this holds what was changed.

import type { Db } from './sql.js';

export async function readSettings(db: Db): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const row of (await db.all(`SELECT key, value FROM settings`)) as { key: string; value: string }[]) {
    try {
      out[row.key] = JSON.parse(row.value);
    } catch {
      // A value this version cannot read is ignored; its default applies.
    }
  }
  return out;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db.run(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, JSON.stringify(value));
}
