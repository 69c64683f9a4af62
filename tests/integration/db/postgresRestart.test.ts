// PostgreSQL restarted under a running server: the call in flight fails clearly with nothing
// half-written, the next call works once the database is back, and notifications resume. The
// restart cuts every connection, so this file runs on a cluster of its own.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { StorageUnavailable } from '../../../db/postgres/errors.js';
import { doc, makeHarness, type Harness } from '../../support/coreHarness.js';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres.js';

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('PostgreSQL storage: the database restarts', () => {
  let cluster: PostgresCluster;
  let db: PostgresSql;
  let other: PostgresSql;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const url = await cluster.createDatabase();
    db = await openPostgres(url);
    other = await openPostgres(url);
    await db.run(`INSERT INTO desks (name) VALUES ('Politics')`);
  });
  afterAll(async () => {
    await db?.close();
    await other?.close();
    await cluster?.stop();
  });

  it('rejects the transaction in flight with nothing written, then works again; notifications resume', async () => {
    const heard: string[] = [];
    let reconnected = 0;
    await other.listen('story_changed', (p) => heard.push(p), { onReconnect: () => reconnected++ });

    let restarting: Promise<void> | undefined;
    const save = db.transaction(async () => {
      await db.run(`INSERT INTO desks (name) VALUES ('Half')`);
      await db.run(`UPDATE desks SET name = 'Renamed' WHERE name = 'Politics'`);
      restarting = cluster.restart();
      // Still running when the server goes down: cut off mid-statement.
      await db.value('SELECT pg_sleep(30)');
      await db.run(`INSERT INTO desks (name) VALUES ('Never')`);
    });
    const error = await save.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailable);
    expect((error as Error).message).toMatch(
      /^Newsdesk cannot reach the PostgreSQL database at 127\.0\.0\.1:\d+\/\w+: (the database server is shutting down or restarting|the connection was lost)\. Try again in a moment\.$/,
    );
    await restarting;

    // The pool opens new connections: the next calls work, and nothing of the failed save is there.
    expect(await db.column('SELECT name FROM desks ORDER BY name')).toEqual(['Politics']);
    await db.transaction(async () => {
      await db.run(`INSERT INTO desks (name) VALUES ('After')`);
    });
    expect(await other.column('SELECT name FROM desks ORDER BY name')).toEqual(['After', 'Politics']);

    // The listening connection came back by itself and LISTENs again.
    await until(() => reconnected > 0);
    await db.notify('story_changed', '7');
    await until(() => heard.length > 0);
    expect(heard).toEqual(['7']);
  });

  it('replaces the idle connections a restart cut: the first call afterwards works', async () => {
    // Fill the pool with idle connections, then cut them all.
    await Promise.all(Array.from({ length: 5 }, () => db.value('SELECT pg_sleep(0.05)')));
    await cluster.restart();
    expect(await Promise.all(Array.from({ length: 5 }, () => db.value('SELECT count(*) FROM desks')))).toEqual([2, 2, 2, 2, 2]);
  });

  it('two server cores: the one that missed notifications while the database was away tells its clients to fetch again, then hears changes again', async () => {
    const url = await cluster.createDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-restart-'));
    let a: Harness | undefined;
    let b: Harness | undefined;
    try {
      a = await makeHarness({ database: url, dataDir: dir, publisher: 'recording' });
      b = await makeHarness({ database: url, dataDir: dir, publisher: 'recording' });
      const heardBy = b;
      const seen = heardBy.events.length;
      await cluster.restart();
      // What happened on the database meanwhile is unknown to it: its browsers and desktops fetch everything again.
      await until(() => heardBy.events.slice(seen).some((e) => e.type === 'resync'));
      const { story } = await a.call('ji', 'stories.create', { desk: 'North Korea', headline: 'After the restart', body: doc('Words.') });
      await until(() => heardBy.events.some((e) => e.type === 'story.changed' && e.storyId === story.id));
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
