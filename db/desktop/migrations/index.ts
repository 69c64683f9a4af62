// The desktop store's migrations, in order (its own list: desktop.db is not a newsroom database).

import type { Migration } from '../../sqlite/migrations/index.js';
import * as m001 from './001_desktop_store.js';

export const DESKTOP_MIGRATIONS: readonly Migration[] = [m001];
export const DESKTOP_LATEST_VERSION = DESKTOP_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
