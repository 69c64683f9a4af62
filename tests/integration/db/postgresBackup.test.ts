// The README's backup of a newsroom in PostgreSQL, done as it says: pg_dump while it runs,
// pg_restore into an empty database. The restored newsroom finds what the first found, counts
// its queues the same, and keeps both current as stories are written and moved.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { LATEST_VERSION } from '../../../db/postgres/migrations/index.js';
import { listStories } from '../../../db/search.js';
import { insertStory, updateStoryContent, updateStoryWorkflow, type StoryContent } from '../../../db/stories.js';
import type { Status } from '../../../shared/domain.js';
import { storyContent, workflowFields } from '../../support/storyRows.js';
import { freshDatabase, postgresBinDir } from '../../support/postgres.js';

const run = promisify(execFile);
const NOW = '2026-12-07T05:00:00.000Z';

const content = (headline: string, body: string, language = 'en'): StoryContent => storyContent(headline, body, { language });

const page = (db: PostgresSql, filters: { query?: string; status?: Status[] }) => listStories(db, filters, { limit: 50, after: null, now: NOW });
const headlines = async (db: PostgresSql, query: string) => (await page(db, { query })).items.map((i) => i.headline);

describe('a PostgreSQL newsroom backed up with pg_dump and restored with pg_restore', () => {
  let restored: PostgresSql;
  let staff: number;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-dump-'));

  beforeAll(async () => {
    const source = await freshDatabase();
    const db = await openPostgres(source);
    staff = (await db.value<number>(`INSERT INTO staff (name, email) VALUES ('Kim', 'kim@example.org') RETURNING id`))!;
    await db.run(`INSERT INTO desks (name) VALUES ('World')`);
    const add = (c: StoryContent) => insertStory(db, { ...c, createdBy: staff, at: NOW, bylineIds: [staff] });
    await add(content('북한의 미사일 발사', '합동참모본부는 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다.', 'ko'));
    const summit = await add(content('Leaders meet in Seoul', 'The summit opened with talks on the peninsula.'));
    await updateStoryWorkflow(db, summit, workflowFields('submitted', NOW));
    const file = path.join(dir, 'newsdesk.dump');
    // While the newsroom is open, as the README has it.
    await run(path.join(postgresBinDir(), 'pg_dump'), ['-Fc', `--dbname=${source}`, `--file=${file}`]);
    await db.close();
    const target = await freshDatabase();
    await run(path.join(postgresBinDir(), 'pg_restore'), ['--no-owner', `--dbname=${target}`, file]);
    restored = await openPostgres(target);
  });
  afterAll(async () => {
    await restored?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is the same newsroom: its schema version, its search and its queue counts', async () => {
    expect(await restored.value('SELECT version FROM newsdesk_schema')).toBe(LATEST_VERSION);
    expect(await headlines(restored, '북한')).toEqual(['북한의 미사일 발사']);
    expect(await headlines(restored, 'penin')).toEqual(['Leaders meet in Seoul']);
    expect((await page(restored, { status: ['submitted'] })).total).toBe(1);
    expect((await page(restored, { status: ['draft'] })).total).toBe(1);
  });

  it('keeps search and counts current afterwards: its triggers came back with it', async () => {
    const id = await insertStory(restored, { ...content('Typhoon nears Jeju', 'Flights were cancelled.'), createdBy: staff, at: NOW, bylineIds: [staff] });
    expect(await headlines(restored, 'typhoon')).toEqual(['Typhoon nears Jeju']);
    expect((await page(restored, { status: ['draft'] })).total).toBe(2);
    await updateStoryContent(restored, id, { ...content('Typhoon passes Jeju', 'Ferries sail again.'), version: 2, at: NOW });
    expect(await headlines(restored, 'flights')).toEqual([]);
    expect(await headlines(restored, 'ferries')).toEqual(['Typhoon passes Jeju']);
  });
});
