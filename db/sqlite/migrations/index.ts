// The registry of migrations, in order. Each one runs in its own transaction and, once applied,
// is recorded as PRAGMA user_version. Add a new file NNN_name.ts and list it here; never edit
// an applied migration.

import type { SqliteDb as Db } from '../statements.js';
import * as m001 from './001_initial.js';
import * as m002 from './002_photo_desk.js';
import * as m003 from './003_text_version.js';
import * as m004 from './004_story_authors.js';
import * as m005 from './005_copy_desk.js';
import * as m006 from './006_writers_and_approved_photos.js';
import * as m007 from './007_accounts.js';
import * as m008 from './008_offline_desktops.js';
import * as m009 from './009_people_list.js';
import * as m010 from './010_photo_metadata_warnings.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
