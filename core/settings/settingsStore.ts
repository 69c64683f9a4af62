// Settings: defaults merged with what an admin changed, cached until the next update. The export
// folder is stored beside them but is no setting of the API: see exportFolder.ts.

import { DEFAULT_CHECK_SETTINGS } from '../../shared/checks/index.js';
import type { Settings } from '../../shared/domain.js';
import { readSettings, writeSetting, type Db } from '../../db/index.js';

export const DEFAULT_SETTINGS: Settings = {
  lockTimeoutMinutes: 30,
  maxPhotoBytes: 100 * 1024 * 1024,
  codeReplacements: [],
  metadataTemplates: [],
  ...DEFAULT_CHECK_SETTINGS,
  // Unset: the computer's own zone, and a placeholder host in ninjs links.
  timeZone: null,
  publicBaseUrl: null,
};

/** The stored key of the export folder (the name settings.update once accepted, so a folder set then still applies). */
const EXPORT_DIR_KEY = 'exportDir';

export class SettingsStore {
  private cached: Settings | null = null;
  private cachedExportDir: string | null | undefined;
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

  /** The export folder's full path, or null for none. */
  exportDir(): string | null {
    if (this.cachedExportDir === undefined) {
      const stored = readSettings(this.db)[EXPORT_DIR_KEY];
      this.cachedExportDir = typeof stored === 'string' && stored.trim() !== '' ? stored : null;
    }
    return this.cachedExportDir;
  }

  /** Stores the export folder (already checked by the caller); null turns the copy off. */
  setExportDir(dir: string | null): void {
    this.cachedExportDir = undefined;
    writeSetting(this.db, EXPORT_DIR_KEY, dir ?? '');
    this.cachedExportDir = dir;
  }
}
