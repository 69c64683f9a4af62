// The desktop's own settings by name: the choice of newsroom, the pinned certificate, the device
// session and the person it belongs to.

import { stmt, type SqliteDb as Db } from '../sqlite/statements.js';

export type DesktopSettingKey = 'mode' | 'serverUrl' | 'pinnedFingerprint' | 'deviceToken' | 'person' | 'needsSignIn' | 'lastOnlineAt' | 'lastEventId';

export function getDesktopSetting(db: Db, key: DesktopSettingKey): string | null {
  const row = stmt(db, `SELECT value FROM desktop_settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setDesktopSetting(db: Db, key: DesktopSettingKey, value: string | null): void {
  if (value === null) stmt(db, `DELETE FROM desktop_settings WHERE key = ?`).run(key);
  else stmt(db, `INSERT INTO desktop_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, value);
}
