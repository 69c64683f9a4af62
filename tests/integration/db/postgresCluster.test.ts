// The tests' throw-away PostgreSQL: the run's shared cluster gives each file a UTF-8 database
// where Korean text and prefix search work; a cluster of the test's own restarts (connections cut,
// new ones accepted) and, stopped or abandoned by a crashing process, leaves no server or folder.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, startPostgresCluster, TEST_BACKEND } from '../../support/postgres.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('a fresh database on the shared cluster', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = await connect(await freshDatabase());
  });
  afterAll(() => db.end());

  it('runs in the postgres vitest project, which sets TEST_BACKEND to postgres', ({ task }) => {
    expect(task.file.projectName).toBe('postgres');
    expect(TEST_BACKEND).toBe('postgres');
  });

  it('is UTF-8 with C.UTF-8 collation', async () => {
    const { rows } = await db.query(`SELECT pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = current_database()`);
    expect(rows).toEqual([{ encoding: 'UTF8', datcollate: 'C.UTF-8', datctype: 'C.UTF-8' }]);
  });

  it('keeps Korean text as typed, counted in characters', async () => {
    const text = '북한, 동해상으로 탄도미사일 발사 — 합참 "추가 도발 대비"';
    await db.query('CREATE TABLE notes (body text NOT NULL)');
    await db.query('INSERT INTO notes (body) VALUES ($1)', [text]);
    const { rows } = await db.query('SELECT body, length(body) AS chars FROM notes');
    expect(rows).toEqual([{ body: text, chars: [...text].length }]);
  });

  it('finds 북한의 by the prefix 북한 in simple full-text search', async () => {
    const { rows } = await db.query(`SELECT to_tsvector('simple', '북한의 미사일') @@ to_tsquery('simple', '북한:*') AS hit`);
    expect(rows).toEqual([{ hit: true }]);
  });
});

describe("a test's own cluster", () => {
  it('restarts (open connections are cut, new ones succeed), then stop() removes its folder and closes its port', async () => {
    const cluster = await startPostgresCluster();
    const dir = path.dirname(cluster.socketDir);
    const url = await cluster.createDatabase('restart_check');
    expect(url).toBe(`postgres://newsdesk@127.0.0.1:${cluster.port}/restart_check`);
    try {
      const before = await connect(url);
      before.on('error', () => {}); // the restart cuts it: expected
      await before.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
      await cluster.restart();
      await expect(before.query('SELECT 1')).rejects.toThrow();
      await before.end().catch(() => {});

      const after = await connect(url);
      const { rows } = await after.query('SELECT n FROM kept');
      await after.end();
      expect(rows).toEqual([{ n: 7 }]);

      await cluster.dropDatabase('restart_check');
      await expect(connect(url)).rejects.toThrow(/does not exist/);
    } finally {
      await cluster.stop();
    }
    expect(existsSync(dir)).toBe(false);
    expect(await portOpen(cluster.port)).toBe(false);
  });

  it('is stopped and removed when the process that started it crashes', async () => {
    // A child starts a cluster, reports it, and dies of an uncaught error without calling stop().
    const script = `
      import { startPostgresCluster } from './tests/support/postgres.ts';
      const c = await startPostgresCluster();
      console.log(JSON.stringify({ socketDir: c.socketDir, port: c.port }));
      throw new Error('crash');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    const { socketDir, port } = JSON.parse(out.trim()) as { socketDir: string; port: number };
    expect(existsSync(path.dirname(socketDir))).toBe(false);
    expect(await portOpen(port)).toBe(false);
  });
});
