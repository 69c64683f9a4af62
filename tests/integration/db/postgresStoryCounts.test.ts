// PostgreSQL migration 003: the queue counts kept per status and desk. Whatever moves a story
// (created, sent on, moved to another desk, deleted, moved back and forth by two servers at the
// same moment), every queue's count is the number of its stories, as counting them would say.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { listStories } from '../../../db/search.js';
import { insertStory, updateStoryContent, updateStoryWorkflow, type StoryContent, type WorkflowFields } from '../../../db/stories.js';
import type { Status } from '../../../shared/domain.js';
import { storyContent, workflowFields } from '../../support/storyRows.js';
import { freshDatabase } from '../../support/postgres.js';

const NOW = '2026-12-07T05:00:00.000Z';

const content = (headline: string, desk: string): StoryContent => storyContent(headline, 'Words.', { desk });

const workflow = (status: Status): WorkflowFields => workflowFields(status, NOW);

/** The counters, and what counting the stories gives, as "status/desk" → n (zero counters left out). */
async function counters(db: PostgresSql): Promise<{ kept: Record<string, number>; counted: Record<string, number> }> {
  const asMap = (rows: { status: string; desk: string; n: number }[]) => Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [`${r.status}/${r.desk}`, r.n]));
  return {
    kept: asMap(await db.all(`SELECT status, desk, n FROM story_counts ORDER BY 1, 2`)),
    counted: asMap(await db.all(`SELECT status, desk, count(*) AS n FROM stories GROUP BY 1, 2 ORDER BY 1, 2`)),
  };
}

const total = async (db: PostgresSql, filters: { status?: Status[]; desk?: string }) => (await listStories(db, filters, { limit: 5, after: null, now: NOW })).total;

describe('PostgreSQL migration 003: queue counts', () => {
  let url: string;
  let db: PostgresSql;
  let staff: number;
  const ids: number[] = [];

  beforeAll(async () => {
    url = await freshDatabase();
    const old = await openPostgres(url, { migrateTo: 2 });
    staff = (await old.value<number>(`INSERT INTO staff (name, email) VALUES ('Kim', 'kim@example.org') RETURNING id`))!;
    await old.exec(`INSERT INTO desks (name) VALUES ('World'), ('Sports')`);
    const statuses: Status[] = ['draft', 'submitted', 'editing', 'published'];
    for (let i = 0; i < 12; i++) {
      ids.push(
        await insertStory(old, { ...content(`Story ${i}`, i % 3 === 0 ? 'Sports' : 'World'), createdBy: staff, at: NOW, bylineIds: [staff], status: statuses[i % 4] }),
      );
    }
    await old.close();
    db = await openPostgres(url);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('counts the stories a newsroom already has when it upgrades', async () => {
    const { kept, counted } = await counters(db);
    expect(kept).toEqual(counted);
    expect(await total(db, { status: ['draft'], desk: 'Sports' })).toBe(counted['draft/Sports'] ?? 0);
    expect(await total(db, { status: ['submitted', 'editing'] })).toBe(6);
    expect(await total(db, {})).toBe(12);
  });

  it('follows every move: a new story, a status change, another desk, a save, a deletion', async () => {
    const id = await insertStory(db, { ...content('New', 'World'), createdBy: staff, at: NOW, bylineIds: [staff] });
    expect(await total(db, { status: ['draft'], desk: 'World' })).toBe((await counters(db)).counted['draft/World']);
    await updateStoryWorkflow(db, id, workflow('submitted'));
    await updateStoryContent(db, id, { ...content('New', 'Sports'), version: 2, at: NOW });
    // A save that names the same desk moves nothing.
    await updateStoryContent(db, id, { ...content('New again', 'Sports'), version: 3, at: NOW });
    expect(await counters(db).then((c) => c.kept)).toEqual((await counters(db)).counted);
    expect(await total(db, { status: ['submitted'], desk: 'Sports' })).toBe((await counters(db)).counted['submitted/Sports']);
    await db.run(`DELETE FROM stories WHERE id = ?`, id);
    const { kept, counted } = await counters(db);
    expect(kept).toEqual(counted);
    expect(await total(db, {})).toBe(12);
  });

  it('follows a desk renamed under its stories (the rename cascades to them)', async () => {
    await db.run(`UPDATE desks SET name = 'Global' WHERE name = 'World'`);
    const { kept, counted } = await counters(db);
    expect(kept).toEqual(counted);
    expect(Object.keys(kept).some((k) => k.endsWith('/World'))).toBe(false);
    expect(await total(db, { desk: 'Global' })).toBe(8);
    await db.run(`UPDATE desks SET name = 'World' WHERE name = 'Global'`);
  });

  it('rolls back with the write that moved the story', async () => {
    const before = await counters(db);
    await expect(
      db.transaction(async () => {
        await updateStoryWorkflow(db, ids[0]!, workflow('spiked'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await counters(db)).toEqual(before);
  });

  it('stays right, with no deadlock, when two servers move stories back and forth between the same statuses at once', async () => {
    const other = await openPostgres(url);
    try {
      const [a, b] = [ids[1]!, ids[5]!]; // both submitted
      await updateStoryWorkflow(db, b, workflow('editing'));
      // One moves submitted → editing while the other moves editing → submitted, fifty times over.
      const flip = async (conn: PostgresSql, id: number, from: Status, to: Status) => {
        for (let i = 0; i < 50; i++) {
          await conn.transaction(async () => {
            await updateStoryWorkflow(conn, id, workflow(i % 2 === 0 ? to : from));
          });
        }
      };
      await Promise.all([flip(db, a, 'submitted', 'editing'), flip(other, b, 'editing', 'submitted')]);
      const { kept, counted } = await counters(db);
      expect(kept).toEqual(counted);
    } finally {
      await other.close();
    }
  });
});
