// Restoring an older backup of the database, as the README tells people to, must not cost the
// newsroom what it published since: at the next start those package folders have no row, and
// they are set aside in <dataDir>/quarantine/<time>/published/, byte for byte, named in the log
// and listed for admins (published.setAside), while the versions the old database knows still
// serve. The same rule for a folder found in the way while publishing.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Core } from '../../../core/core.js';
import { seed } from './env.js';
import { openNewsroom, writeSeedArticle } from '../../support/seedNewsroom.js';
import type { Harness } from '../../support/coreHarness.js';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function newsroom(dir?: string): Promise<Harness> {
  const n = await openNewsroom(dir);
  if (!dir) dirs.push(n.dir);
  cores.push(n.core);
  return n;
}

async function stop(n: Harness): Promise<void> {
  cores.splice(cores.indexOf(n.core), 1);
  await n.core.close();
}

/** Every file under `dir` (relative path → sha256), so a move can be checked byte for byte. */
function fingerprints(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) out.set(rel.split(path.sep).join('/'), createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
  return out;
}

/** The old database put in place the way the README says: stopped, copied over, no -wal or -shm left. */
function restore(dir: string, backup: string): void {
  fs.rmSync(path.join(dir, 'newsdesk.db-wal'), { force: true });
  fs.rmSync(path.join(dir, 'newsdesk.db-shm'), { force: true });
  fs.copyFileSync(backup, path.join(dir, 'newsdesk.db'));
}

describe('restoring an older backup over a newsroom that published since', () => {
  test('every newer package is set aside intact, logged and listed for admins; the old versions still serve', async () => {
    const n = await newsroom();
    const talks = await writeSeedArticle(n);
    const desk = n.as('kim');
    await desk('stories.transition', { id: talks, action: 'publish' });
    const backup = path.join(n.dir, 'backup-after-v1.db');
    await n.core.backup(backup);

    // Published after the backup: a correction (v2) and another story.
    await desk('stories.transition', { id: talks, action: 'correct', note: 'Corrects a caption.' });
    await desk('stories.transition', { id: talks, action: 'approve' });
    await desk('stories.transition', { id: talks, action: 'publish' });
    const other = await writeSeedArticle(n, 'navy-drills');
    await desk('stories.transition', { id: other, action: 'publish' });
    const published = path.join(n.dir, 'published');
    const before = fingerprints(published);
    expect([...new Set([...before.keys()].map((f) => f.split('/').slice(0, 2).join('/')))]).toEqual([
      'kor-jpn-security-talks/v1',
      'kor-jpn-security-talks/v2',
      'navy-drills/v1',
    ]);
    await stop(n);

    restore(n.dir, backup);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const again = await newsroom(n.dir);

    // Nothing is gone: each file is where the old database expects it or in quarantine, unchanged.
    const runs = fs.readdirSync(path.join(n.dir, 'quarantine'));
    expect(runs).toHaveLength(1);
    const aside = path.join('quarantine', runs[0]!, 'published');
    const after = new Map([...fingerprints(published), ...[...fingerprints(path.join(n.dir, aside))].map(([f, h]) => [`aside:${f}`, h] as const)]);
    for (const [file, hash] of before) {
      const inPlace = file.startsWith('kor-jpn-security-talks/v1/');
      expect(after.get(inPlace ? file : `aside:${file}`), file).toBe(hash);
    }
    expect(fs.readdirSync(published)).toEqual(['kor-jpn-security-talks']);
    expect(fs.readdirSync(path.join(published, 'kor-jpn-security-talks'))).toEqual(['v1']);

    // The log and the admin screen's method name the folders, relative to the data folder.
    const expected = [path.join(aside, 'kor-jpn-security-talks', 'v2'), path.join(aside, 'navy-drills', 'v1')];
    const said = warn.mock.calls.map((c) => c.join(' ')).join('\n');
    for (const folder of expected) expect(said).toContain(folder);
    const admin = again.as('han');
    expect(await admin('published.setAside', {})).toEqual({ folders: expected });
    const reporter = again.as('ji');
    await expect(reporter('published.setAside', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The version the old database knows still serves, from its own folder.
    const desk2 = again.as('kim');
    const v1 = await desk2('published.get', { storyId: talks, version: 1 });
    expect(v1.version.path).toBe('kor-jpn-security-talks/v1');
    expect(v1.html).toContain(`<h1>${seed.headline}</h1>`);

    // Publishing goes on: the next v2 is written fresh beside the set-aside one, which stays.
    await desk2('stories.transition', { id: talks, action: 'correct', note: 'Corrects a caption again.' });
    await desk2('stories.transition', { id: talks, action: 'approve' });
    const { story } = await desk2('stories.transition', { id: talks, action: 'publish' });
    expect(story.publishedVersions).toBe(2);
    expect(fs.existsSync(path.join(published, 'kor-jpn-security-talks/v2/index.html'))).toBe(true);
    expect(fingerprints(path.join(n.dir, aside, 'kor-jpn-security-talks/v2'))).toEqual(
      new Map([...before].filter(([f]) => f.startsWith('kor-jpn-security-talks/v2/')).map(([f, h]) => [f.slice('kor-jpn-security-talks/v2/'.length), h])),
    );
    expect(await admin('published.setAside', {})).toEqual({ folders: expected });
  });
});
