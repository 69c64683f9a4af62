// Settings: defaults merged with what an admin changed, cached until the next update.

import { DEFAULT_CHECK_SETTINGS } from '../../shared/checks/index.js';
import type { Settings } from '../../shared/domain.js';
import { readSettings, writeSetting, type Db } from '../../db/index.js';

export const DEFAULT_SETTINGS: Settings = {
  lockTimeoutMinutes: 30,
  maxPhotoBytes: 100 * 1024 * 1024,
  exportDir: '',
  codeReplacements: [],
  metadataTemplates: [],
  ...DEFAULT_CHECK_SETTINGS,
};

export class SettingsStore {
  private cached: Settings | null = null;
  constructor(private readonly db: Db) {}

  get(): Settings {
    if (!this.cached) {
      const stored = readSettings(this.db);
      const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
      for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
      this.cached = merged as unknown as Settings;
    }
    return this.cached;
  }

  /** Writes the given keys (inside the caller's transaction) and drops the cache. */
  update(changes: Partial<Settings>): void {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) writeSetting(this.db, key, value);
    this.cached = null;
  }

  invalidate(): void {
    this.cached = null;
  }
}
