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
  private cachedExportDir: string | null = null;
  constructor(private readonly db: Db) {}

  /**
   * Reads the stored settings into the cache: at start, after this process changed them, and when
   * another server process on the same database says it did (settings are read on every call, so
   * they are kept in memory rather than read from the database each time).
   */
  async load(): Promise<void> {
    const stored = await readSettings(this.db);
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) merged[key] = stored[key];
    this.cached = merged as unknown as Settings;
    const dir = stored[EXPORT_DIR_KEY];
    this.cachedExportDir = typeof dir === 'string' && dir.trim() !== '' ? dir : null;
  }

  get(): Settings {
    if (!this.cached) throw new Error('The settings were not loaded yet.');
    return this.cached;
  }

  /** Writes the given keys inside the caller's transaction; load() once it committed (or rolled back). */
  async update(changes: Partial<Settings>): Promise<void> {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) await writeSetting(this.db, key, value);
  }

  /** The export folder's full path, or null for none. */
  exportDir(): string | null {
    return this.cachedExportDir;
  }

  /** Stores the export folder (already checked by the caller); null turns the copy off. load() after the commit. */
  async setExportDir(dir: string | null): Promise<void> {
    await writeSetting(this.db, EXPORT_DIR_KEY, dir ?? '');
  }
}
