// Migration 009 (the people list): a newsroom from before starts with an empty list and keeps its
// stories and settings; the new tables refuse one spelling for two people and drop a person's
// spellings with them.

import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/sqlite/connection.js';
import * as m009 from '../../../db/sqlite/migrations/009_people_list.js';
import { MIGRATIONS } from '../../../db/sqlite/migrations/index.js';
import { allPeople, deletePerson, insertPerson, peopleBySpellingKeys } from '../../../db/people.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { sqliteStore } from '../../../db/sqlite/store.js';

/** The newest migration before this one (008 belongs to another change and may not be here). */
const BEFORE = Math.max(...MIGRATIONS.map((m) => m.version).filter((v) => v < m009.version));

const row = (name: string, keys: string[]) => ({ name, aliases: [], note: '', search: name.toLowerCase(), keys, updatedAt: '2026-12-07T00:00:00.000Z', updatedBy: 1 });

describe('migration 009_people_list', () => {
  it('is registered, after every migration before it', () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(9);
    expect(MIGRATIONS.map((m) => m.version).indexOf(9)).toBe(MIGRATIONS.length - 1 - MIGRATIONS.filter((m) => m.version > 9).length);
  });

  it('starts an existing newsroom with an empty list, its settings kept', async () => {
    const db = dbAtVersion(BEFORE);
    db.exec(`INSERT INTO settings (key, value) VALUES ('headlineMaxChars', '90')`);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9);
    expect(await allPeople(sqliteStore(db))).toEqual([]);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'headlineMaxChars'`).pluck().get()).toBe('90');
  });

  it('refuses one spelling for two people, and drops a person\u2019s spellings with them', async () => {
    const db = dbAtVersion(BEFORE);
    db.exec(`INSERT INTO staff (name, email) VALUES ('Kim Min-ji', 'minji.kim@heraldcorp.com')`);
    migrate(db);
    const id = await insertPerson(sqliteStore(db), row('Lee Yong-ho', ['leeyongho', 'riyongho']));
    await expect(insertPerson(sqliteStore(db), row('Ri Yong Gil', ['riyonggil', 'riyongho']))).rejects.toThrow(/UNIQUE/);
    expect([...(await peopleBySpellingKeys(sqliteStore(db), ['riyongho'])).values()]).toEqual([{ id, name: 'Lee Yong-ho' }]);
    await deletePerson(sqliteStore(db), id);
    expect((await peopleBySpellingKeys(sqliteStore(db), ['riyongho', 'leeyongho'])).size).toBe(0);
  });
});
