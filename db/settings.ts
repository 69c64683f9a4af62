// Settings as key → JSON value. Defaults live with the core; this holds what was changed.

import { stmt, type Db } from './statements.js';

export function readSettings(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of stmt(db, `SELECT key, value FROM settings`).all() as { key: string; value: string }[]) {
    try {
      out[row.key] = JSON.parse(row.value);
    } catch {
      // A value this version cannot read is ignored; its default applies.
    }
  }
  return out;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  stmt(db, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(value));
}
