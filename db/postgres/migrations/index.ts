// The registry of PostgreSQL migrations, in order. Each runs in its own transaction and, once
// applied, is recorded in newsdesk_schema. Add a new file NNN_name.ts and list it here; never
// edit an applied migration. The numbering is PostgreSQL's own: 001 is the SQLite schema as it
// stood at SQLite version 10.

import type { Sql } from '../../sql.js';
import * as m001 from './001_initial.js';
import * as m002 from './002_story_search.js';
import * as m003 from './003_story_counts.js';

export interface PostgresMigration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction; `target` (host:port/database) is for messages. */
  up(db: Sql, target: string): Promise<void>;
}

export const MIGRATIONS: readonly PostgresMigration[] = [m001, m002, m003].sort((a, b) => a.version - b.version);

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
