// Kills a process that is saving continuously (SIGKILL at random moments, 24 times). After each
// kill the database passes quick_check and integrity_check and holds every acknowledged save.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/sqlite/connection.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const KILLS = 24;

function runAndKill(): Promise<{ storyId: number; acked: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-child.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let storyId = 0;
    let acked = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^ack (\d+) (\d+)$/.exec(line);
        if (m) {
          storyId = Number(m[1]);
          acked = Math.max(acked, Number(m[2]));
        }
        if (m && !timer) timer = setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 400);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited by itself: ${stderr}`));
      else resolve({ storyId, acked });
    });
  });
}

describe('crash safety', () => {
  it(`holds every acknowledged save after ${KILLS} SIGKILLs`, async () => {
    const runs: { storyId: number; acked: number }[] = [];
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill();
      expect(run.acked).toBeGreaterThan(1);
      runs.push(run);
      // Open as the app would (quick_check, migrations), then a full integrity check.
      const db = openDatabase(path.join(dataDir, 'newsdesk.db'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // FTS5's own check throws if the index disagrees with the stories table.
      db.exec(`INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)`);
      db.close();
      const raw = new Database(path.join(dataDir, 'newsdesk.db'), { readonly: true });
      for (const r of runs) {
        const row = raw.prepare(`SELECT version, body FROM stories WHERE id = ?`).get(r.storyId) as { version: number; body: string };
        expect(row.version).toBeGreaterThanOrEqual(r.acked);
        expect(row.body).toContain(`save ${row.version}`);
      }
      raw.close();
    }
    expect(runs).toHaveLength(KILLS);
  }, 180_000);
});
