// Migration 009: the newsroom's people list, the authority the name check reads: each person's
// house spelling, the other spellings the desk meets (with who uses them) and a note.
//
// people: one row per person. aliases is JSON, [{ "spelling": "Ri Yong Ho", "source": "KCNA" }];
// search holds the name, aliases and note in lower case (and their letters run together, so "ri
// yong-ho" finds "Ri Yong Ho"), for the list's search.
//
// people_spellings: every spelling on the list (house spelling and aliases) by its key (letters
// only, lower case), so one spelling can never name two people and a flagged name is looked up
// by key.
//
// There are no rows before: existing newsrooms start with an empty list.

import type { SqliteDb as Db } from '../statements.js';

export const version = 9;
export const name = 'people_list';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      search TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES staff(id)
    );
    CREATE INDEX people_by_name ON people (name COLLATE NOCASE, id);

    CREATE TABLE people_spellings (
      key TEXT PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
    );
    CREATE INDEX people_spellings_by_person ON people_spellings (person_id);
  `);
}
