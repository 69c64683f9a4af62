// The PostgreSQL adapter of the storage port on a real database: transactions by async context,
// savepoints, values as the core expects them, the migrations and the databases it refuses,
// clear errors when the database is out of reach or busy, and what several server processes
// share (notifications, session locks, leadership).

import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres, type PostgresSql } from '../../../db/postgres/connection.js';
import { PostgresRefused, StorageUnavailable } from '../../../db/postgres/errors.js';
import { syncIdentities } from '../../../db/postgres/identity.js';
import { LATEST_VERSION } from '../../../db/postgres/migrations/index.js';
import { freshDatabase } from '../../support/postgres.js';

const NOW = '2026-12-07T05:00:00.000Z';

async function raw<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const relations = async (url: string) =>
  (await raw<{ relname: string }>(url, `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1`)).map(
    (r) => r.relname,
  );

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('PostgreSQL storage: statements and transactions', () => {
  let url: string;
  let db: PostgresSql;

  beforeAll(async () => {
    url = await freshDatabase();
    db = await openPostgres(url);
    await db.run(`INSERT INTO staff (name, email) VALUES ('Kim', 'kim@example.org')`);
  });
  afterAll(() => db.close());

  const desks = () => db.column<string>('SELECT name FROM desks ORDER BY name');

  it('gives ids, counts and sums as numbers, yes/no expressions as 1 and 0, and JSON as text', async () => {
    const id = await db.value<number>(`INSERT INTO desks (name) VALUES ('Numbers') RETURNING id`);
    expect(typeof id).toBe('number');
    expect(await db.get(`SELECT count(*) AS n, sum(id) AS total, id IS NOT NULL AS yes, id IS NULL AS no FROM desks WHERE id = ? GROUP BY id`, id)).toEqual({
      n: 1,
      total: id,
      yes: 1,
      no: 0,
    });
    expect(await db.rows(`SELECT id, name FROM desks WHERE id = ?`, id)).toEqual([[id, 'Numbers']]);
    expect(await db.value(`SELECT json_agg(name ORDER BY name) FROM desks`)).toBe('["Numbers"]');
    expect(await db.value(`SELECT '{"a": 1}'::jsonb`)).toBe('{"a": 1}');
    expect((await db.run(`DELETE FROM desks WHERE id = ?`, id)).changes).toBe(1);
  });

  it('fills @name placeholders from one object and leaves ? and @ inside quotes alone', async () => {
    expect(await db.get(`SELECT @a::int + @b::int AS sum, @a::int AS again, '?' AS q, 'x@b' AS at`, { a: 2, b: 3 })).toEqual({ sum: 5, again: 2, q: '?', at: 'x@b' });
    expect(await db.get(`SELECT ?::text AS first, '?' AS q, ?::int AS second`, 'one', 2)).toEqual({ first: 'one', q: '?', second: 2 });
  });

  it('commits a transaction that resolves, and its statements run inside it however deep in the calls', async () => {
    const insert = (name: string) => db.run('INSERT INTO desks (name) VALUES (?)', name);
    const inner = async () => {
      expect(db.inTransaction()).toBe(true);
      await insert('Deep');
    };
    expect(db.inTransaction()).toBe(false);
    const answer = await db.transaction(async () => {
      await insert('Politics');
      await inner();
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await desks()).toEqual(['Deep', 'Politics']);
  });

  it('rolls back everything a transaction wrote when it throws', async () => {
    await expect(
      db.transaction(async () => {
        await db.run(`INSERT INTO desks (name) VALUES ('Ghost')`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await desks()).toEqual(['Deep', 'Politics']);
  });

  it('rolls back a failed statement with its transaction, and the next call works', async () => {
    await expect(
      db.transaction(async () => {
        await db.run(`INSERT INTO desks (name) VALUES ('Sports')`);
        await db.run(`INSERT INTO desks (name) VALUES ('Politics')`); // unique violation
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await desks()).toEqual(['Deep', 'Politics']);
  });

  it('rolls back a nested transaction to its savepoint and keeps the rest', async () => {
    await db.transaction(async () => {
      await db.run(`INSERT INTO desks (name) VALUES ('Before')`);
      await expect(
        db.transaction(async () => {
          await db.run(`INSERT INTO desks (name) VALUES ('Inside')`);
          await db.run(`INSERT INTO desks (name) VALUES ('Politics')`); // fails the savepoint only
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await db.transaction(async () => {
        await db.run(`INSERT INTO desks (name) VALUES ('Kept')`);
      });
      await db.run(`INSERT INTO desks (name) VALUES ('After')`);
    });
    expect(await desks()).toEqual(['After', 'Before', 'Deep', 'Kept', 'Politics']);
    await db.run(`DELETE FROM desks WHERE name IN ('After', 'Before', 'Kept')`);
  });

  it('hides a transaction’s writes from statements outside it until it commits', async () => {
    const inserted = deferred();
    const finish = deferred();
    const tx = db.transaction(async () => {
      await db.run(`INSERT INTO desks (name) VALUES ('Pending')`);
      inserted.resolve();
      await finish.promise;
      // Still in the transaction after waiting on something else.
      expect(await db.value(`SELECT count(*) FROM desks WHERE name = 'Pending'`)).toBe(1);
    });
    await inserted.promise;
    expect(db.inTransaction()).toBe(false);
    expect(await db.value(`SELECT count(*) FROM desks WHERE name = 'Pending'`)).toBe(0);
    finish.resolve();
    await tx;
    expect(await db.value(`SELECT count(*) FROM desks WHERE name = 'Pending'`)).toBe(1);
  });

  it('runs work scheduled inside a transaction that fires after it ended outside it, never on the returned connection', async () => {
    let late: Promise<unknown> | undefined;
    await db.transaction(async () => {
      await db.run(`INSERT INTO desks (name) VALUES ('Committed first')`);
      late = new Promise((r) => setTimeout(r, 50)).then(() => db.value(`SELECT count(*) FROM desks WHERE name = 'Committed first'`));
    });
    expect(await late).toBe(1);
    expect(db.inTransaction()).toBe(false);
  });

  it('sends a notification with the commit, and none on rollback', async () => {
    const other = await openPostgres(url);
    const heard: string[] = [];
    const stop = await other.listen('story_changed', (p) => heard.push(p));
    try {
      await expect(
        db.transaction(async () => {
          await db.notify('story_changed', 'rolled-back');
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      await db.transaction(async () => {
        await db.notify('story_changed', '41');
        await new Promise((r) => setTimeout(r, 100));
        expect(heard).toEqual([]); // not before the commit
      });
      await db.notify('story_changed', '42');
      await until(() => heard.length === 2);
      expect(heard).toEqual(['41', '42']);
      await stop();
      await db.notify('story_changed', '43');
      await new Promise((r) => setTimeout(r, 150));
      expect(heard).toEqual(['41', '42']);
    } finally {
      await other.close();
    }
  });

  it('runs withSessionLock callers one at a time, and holds advisoryXactLock only inside a transaction', async () => {
    const other = await openPostgres(url);
    try {
      const order: string[] = [];
      const entered = deferred();
      const release = deferred();
      const first = db.withSessionLock([7, 1], async () => {
        order.push('first in');
        entered.resolve();
        await release.promise;
        order.push('first out');
      });
      await entered.promise;
      const second = other.withSessionLock([7, 1], async () => {
        order.push('second in');
      });
      await new Promise((r) => setTimeout(r, 150));
      expect(order).toEqual(['first in']);
      release.resolve();
      await Promise.all([first, second]);
      expect(order).toEqual(['first in', 'first out', 'second in']);

      await expect(db.advisoryXactLock([7, 2])).rejects.toThrow(/inside transaction/);
      await expect(db.withSessionLock([2 ** 31, 0], async () => 1)).rejects.toThrow(/32-bit/);
      const locked = deferred();
      const done = deferred();
      const holder = db.transaction(async () => {
        await db.advisoryXactLock([7, 2]);
        locked.resolve();
        await done.promise;
      });
      await locked.promise;
      const waiter = other.transaction(async () => {
        await other.advisoryXactLock([7, 2]);
        return Date.now();
      });
      await new Promise((r) => setTimeout(r, 150));
      const releasedAt = Date.now();
      done.resolve();
      await holder;
      expect(await waiter).toBeGreaterThanOrEqual(releasedAt);
    } finally {
      await other.close();
    }
  });

  it('gives leadership to one of two processes, and to the other once the first releases it or its connection dies', async () => {
    const a = await openPostgres(url);
    const b = await openPostgres(url);
    try {
      const key = [0x4e44534b, 99] as const;
      const first = await a.tryLeadership(key);
      expect(first?.held()).toBe(true);
      expect(await b.tryLeadership(key)).toBeNull();
      await first!.release();
      expect(first!.held()).toBe(false);

      let lost = 0;
      const second = await b.tryLeadership(key, { onLost: () => lost++ });
      expect(second?.held()).toBe(true);
      expect(await a.tryLeadership(key)).toBeNull();
      // The leader's connection dies (a crashed process, a cut network): PostgreSQL frees the lock.
      const killed = await raw(
        url,
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2`,
        key as unknown as unknown[],
      );
      expect(killed).toHaveLength(1);
      await until(() => !second!.held());
      expect(lost).toBe(1);
      const third = await a.tryLeadership(key);
      expect(third?.held()).toBe(true);
      await third!.release();
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('PostgreSQL storage: migrations and the databases it refuses', () => {
  it('migrates an empty database to the latest version, and a second open changes nothing', async () => {
    const url = await freshDatabase();
    const db = await openPostgres(url);
    expect(await db.value('SELECT version FROM newsdesk_schema')).toBe(LATEST_VERSION);
    const tables = await relations(url);
    expect(tables).toEqual(
      expect.arrayContaining(['stories', 'staff', 'photo_assets', 'revisions', 'newsdesk_schema', 'story_search', 'story_search_match', 'staff_email_lower']),
    );
    await db.close();
    const again = await openPostgres(url);
    expect(await again.all('SELECT version FROM newsdesk_schema')).toEqual([{ version: LATEST_VERSION }]);
    expect(await again.value(`SELECT value FROM settings WHERE key = 'copyDesk.generation'`)).toBe('1');
    await again.close();
    expect(await relations(url)).toEqual(tables);
  });

  it('migrates once when two servers open the same empty database at the same moment', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    expect(await a.all('SELECT version FROM newsdesk_schema')).toEqual([{ version: LATEST_VERSION }]);
    expect(await b.value(`SELECT count(*) FROM settings`)).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps the schema’s rules: e-mail unique whatever its case, checks, cascades, the JSON outcome', async () => {
    const db = await openPostgres(await freshDatabase());
    try {
      const staff = await db.value<number>(`INSERT INTO staff (name, email) VALUES ('Lee', 'Lee@Example.org') RETURNING id`);
      await expect(db.run(`INSERT INTO staff (name, email) VALUES ('Other', 'lee@example.ORG')`)).rejects.toMatchObject({ code: '23505' });
      await expect(db.run(`UPDATE staff SET active = 2 WHERE id = ?`, staff)).rejects.toMatchObject({ code: '23514' });
      await db.run(`INSERT INTO desks (name) VALUES ('Politics')`);
      const story = await db.value<number>(
        `INSERT INTO stories (slug, desk, created_by, created_at, updated_at, body) VALUES ('s', 'Politics', ?, ?, ?, '{}') RETURNING id`,
        staff,
        NOW,
        NOW,
      );
      await expect(db.run(`UPDATE stories SET status = 'lost' WHERE id = ?`, story)).rejects.toMatchObject({ code: '23514' });
      await db.run(`UPDATE desks SET name = 'World' WHERE name = 'Politics'`);
      expect(await db.value(`SELECT desk FROM stories WHERE id = ?`, story)).toBe('World');
      await expect(
        db.run(`INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (?, 'k', 'stories.save', ?, 'not json', ?)`, staff, story, NOW),
      ).rejects.toThrow(/json/i);
      await db.run(
        `INSERT INTO applied_keys (staff_id, key, method, story_id, outcome, applied_at) VALUES (?, 'k', 'stories.save', ?, '{"ok":true}', ?)`,
        staff,
        story,
        NOW,
      );
      const blob = Buffer.from([0, 1, 2, 255]);
      await db.run(`INSERT INTO revisions (story_id, version, reason, author_id, created_at, data) VALUES (?, 1, 'save', ?, ?, ?)`, story, staff, NOW, blob);
      expect(await db.value(`SELECT data FROM revisions WHERE story_id = ?`, story)).toEqual(blob);
      await db.run(`DELETE FROM stories WHERE id = ?`, story);
      expect(await db.value(`SELECT count(*) FROM applied_keys`)).toBe(0);
      expect(await db.value(`SELECT count(*) FROM revisions`)).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('continues every id after the highest one moved in with its own id', async () => {
    const db = await openPostgres(await freshDatabase());
    try {
      await db.run(`INSERT INTO desks (id, name) VALUES (5, 'Politics'), (9, 'World')`);
      await db.run(`INSERT INTO staff (id, name, email) VALUES (40, 'Kim', 'kim@example.org')`);
      await syncIdentities(db);
      expect(await db.value(`INSERT INTO desks (name) VALUES ('Sports') RETURNING id`)).toBe(10);
      expect(await db.value(`INSERT INTO staff (name, email) VALUES ('Lee', 'lee@example.org') RETURNING id`)).toBe(41);
    } finally {
      await db.close();
    }
  });

  it('refuses a database from a newer version of Newsdesk and writes nothing to it', async () => {
    const url = await freshDatabase();
    await raw(url, `CREATE TABLE newsdesk_schema (version integer NOT NULL); INSERT INTO newsdesk_schema VALUES (${LATEST_VERSION + 1})`);
    const error = await openPostgres(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresRefused);
    expect(error).toMatchObject({ reason: 'newer-version' });
    expect((error as Error).message).toMatch(/newer version of Newsdesk .*schema \d+.*left untouched/);
    expect(await relations(url)).toEqual(['newsdesk_schema']);
    expect(await raw(url, 'SELECT version FROM newsdesk_schema')).toEqual([{ version: LATEST_VERSION + 1 }]);
  });

  it('refuses a database that cannot hold or search every language’s text, and writes nothing to it', async () => {
    const admin = inject('postgresAdminUrl');
    const name = `c_locale_${process.pid}`;
    await raw(admin, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    await raw(admin, `CREATE DATABASE ${name}_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'`);
    const url = (db: string) => Object.assign(new URL(admin), { pathname: `/${db}` }).toString();
    try {
      await expect(openPostgres(url(name))).rejects.toMatchObject({
        reason: 'unsuitable',
        message: expect.stringMatching(/uses the C character rules .* createdb -T template0 -E UTF8 --locale=C\.UTF-8 c_locale_\d+/),
      });
      await expect(openPostgres(url(`${name}_ascii`))).rejects.toMatchObject({
        reason: 'unsuitable',
        message: expect.stringMatching(/stores text as SQL_ASCII, not UTF-8/),
      });
      expect(await relations(url(name))).toEqual([]);
    } finally {
      await raw(admin, `DROP DATABASE ${name} WITH (FORCE)`);
      await raw(admin, `DROP DATABASE ${name}_ascii WITH (FORCE)`);
    }
  });

  it('refuses a database that holds someone else’s tables and writes nothing to it', async () => {
    const url = await freshDatabase();
    await raw(url, `CREATE TABLE invoices (id int PRIMARY KEY)`);
    const error = await openPostgres(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'not-newsdesk' });
    expect((error as Error).message).toMatch(/already holds other tables \(invoices.*not a Newsdesk database/);
    expect(await relations(url)).toEqual(['invoices', 'invoices_pkey']);
  });
});

describe('PostgreSQL storage: a database out of reach or busy', () => {
  it('says it cannot reach the database at host:port/db, and never shows the password', async () => {
    const port = await closedPort();
    const error = await openPostgres(`postgres://newsdesk:s3cret-Pa55@127.0.0.1:${port}/newsroom`, { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresRefused);
    expect(error).toMatchObject({ reason: 'unreachable', target: `127.0.0.1:${port}/newsroom` });
    expect((error as Error).message).toBe(
      `Newsdesk cannot reach the PostgreSQL database at 127.0.0.1:${port}/newsroom: the connection was refused (is PostgreSQL running and listening there?).`,
    );
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret');
  });

  it('names a database that does not exist, and a user the server does not know', async () => {
    const url = new URL(await freshDatabase());
    url.pathname = '/no_such_newsroom';
    await expect(openPostgres(url.toString())).rejects.toMatchObject({
      reason: 'no-database',
      message: expect.stringMatching(/The database "no_such_newsroom" does not exist on the PostgreSQL server at 127\.0\.0\.1:\d+\. Create it first/),
    });
    const stranger = new URL(await freshDatabase());
    stranger.username = 'stranger';
    stranger.password = 'hunter2-secret';
    const error = await openPostgres(stranger.toString()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      reason: 'authentication',
      message: expect.stringMatching(/refused the sign-in of user "stranger" \(role "stranger" does not exist\)/),
    });
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('fails a call with a clear error when every connection stays busy, and works again once one is free', async () => {
    const db = await openPostgres(await freshDatabase(), { poolSize: 1, connectTimeoutMs: 300 });
    try {
      const started = deferred();
      const finish = deferred();
      const holder = db.transaction(async () => {
        await db.value('SELECT 1');
        started.resolve();
        await finish.promise;
      });
      await started.promise;
      const at = Date.now();
      const error = await db.value('SELECT 1').catch((e: unknown) => e);
      expect(Date.now() - at).toBeGreaterThanOrEqual(250);
      expect(error).toBeInstanceOf(StorageUnavailable);
      expect((error as Error).message).toMatch(
        /^The PostgreSQL database at 127\.0\.0\.1:\d+\/\w+ is too busy: all 1 of this server's connections to it stayed in use for 0\.3 s\. Try again in a moment\.$/,
      );
      await expect(db.transaction(async () => 1)).rejects.toBeInstanceOf(StorageUnavailable);
      finish.resolve();
      await holder;
      expect(await db.value('SELECT 2')).toBe(2);
    } finally {
      await db.close();
    }
  });
});
