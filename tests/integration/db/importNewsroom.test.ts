// Moving a desktop newsroom into the server's PostgreSQL database (npm run server --
// --import-newsroom): a real newsroom built by the core on SQLite (stories through the workflow,
// history, comments, a photo with its renditions, a dismissed finding, a published version,
// Korean text) goes in whole; a core on the database then answers for it as the desktop did; a
// second import adds nothing; a database holding another newsroom, a damaged file and a file from
// a newer Newsdesk are refused with words, and nothing is written.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { openPostgres } from '../../../db/index.js';
import { COPIED_TABLES, ImportRefused, LEFT_TABLES } from '../../../db/postgres/importNewsroom.js';
import { parseServeArgs } from '../../../server/args.js';
import { describeImport, importNewsroom, type NewsroomImport } from '../../../server/importNewsroom.js';
import { doc, transition } from '../../support/coreHarness.js';
import { callCore } from '../../support/callCore.js';
import { dbAtVersion } from '../../support/dbAtVersion.js';
import { freshDatabase } from '../../support/postgres.js';
import { openNewsroom, writeSeedArticle } from '../../support/seedNewsroom.js';

const JI_EMAIL = 'dagyumji@heraldcorp.com';
const JI_PASSWORD = '서울 데스크 2023 password';
const KOREAN_HEADLINE = '북한의 미사일 발사에 합참 긴급회의';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `newsdesk-${name}-`));

/** Every row count of the database's tables, to show a refused import wrote nothing. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, number> = {};
    const tables = await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`);
    for (const { t } of tables.rows) out[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    return out;
  } finally {
    await client.end();
  }
}

let desktopDir: string;
let desktopFile: string;
let seedId: number;
let koreanId: number;
let thumbUrl: string;
/** The Korean story's history as the desktop showed it. */
let desktopHistory: unknown;

beforeAll(async () => {
  desktopDir = tmp('desktop');
  desktopFile = path.join(desktopDir, 'newsdesk.db');
  const n = await openNewsroom(desktopDir);
  try {
    await n.call('ji', 'session.changePassword', { currentPassword: 'newsdesk-demo', newPassword: JI_PASSWORD });
    seedId = await writeSeedArticle(n);
    await transition(n, 'kim', seedId, 'publish');
    const { story } = await n.call('ji', 'stories.create', { desk: 'North Korea', headline: KOREAN_HEADLINE, slug: 'nk-missile-ko' });
    koreanId = story.id;
    const saved = await n.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: story.version,
      changes: { body: doc('합동참모본부는 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다.') },
    });
    await n.call('ji', 'stories.save', {
      id: story.id,
      baseVersion: saved.story.version,
      changes: { body: doc('합동참모본부는 북한이 동해상으로 탄도미사일을 발사했다고 밝혔다.', '군은 추가 발사에 대비하고 있다.') },
    });
    const { comment } = await n.call('kim', 'comments.add', { storyId: story.id, text: '출처를 한 번 더 확인해 주세요.' });
    await n.call('ji', 'comments.add', { storyId: story.id, text: '확인했습니다.', parentId: comment.id });
    desktopHistory = await n.call('ji', 'stories.history', { id: story.id });
    const { items } = await n.call('choi', 'photos.list', {});
    thumbUrl = items[0]!.thumbUrl;
  } finally {
    await n.close();
  }
}, 120_000);

afterAll(() => fs.rmSync(desktopDir, { recursive: true, force: true }));

describe('the import', () => {
  it('is a command of its own: it needs the database, and takes no serving options', () => {
    expect(() => parseServeArgs(['--data-dir', 'd', '--import-newsroom', 'n.db'])).toThrow(/give --database postgres:/);
    expect(() => parseServeArgs(['--data-dir', 'd', '--database', 'postgres://h/n', '--import-newsroom', 'n.db', '--demo'])).toThrow(/without --backup, --demo/);
    expect(parseServeArgs(['--data-dir', 'd', '--database', 'postgres://h/n', '--import-newsroom', 'n.db'])).toMatchObject({
      database: 'postgres://h/n',
      importNewsroom: path.resolve('n.db'),
    });
  });

  it('knows every table of the newsroom file: each is copied or deliberately left behind', () => {
    const file = new Database(desktopFile, { readonly: true });
    const tables = file.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'`).pluck().all() as string[];
    file.close();
    expect([...COPIED_TABLES.map((t) => t.table), ...LEFT_TABLES].sort()).toEqual(tables.sort());
  });
});

describe('moving a desktop newsroom into a new server database', () => {
  let url: string;
  let serverDir: string;
  let first: NewsroomImport;
  let core: Core;
  let fileBefore: Buffer;

  beforeAll(async () => {
    url = await freshDatabase();
    serverDir = tmp('server');
    // The server started once before the import: its placeholder administrator and setup code are replaced.
    const started = await createCore({ dataDir: serverDir, database: url });
    expect(await started.firstAdminSetup()).not.toBeNull();
    await started.idle();
    await started.close();
    fileBefore = fs.readFileSync(desktopFile);
    first = await importNewsroom({ database: url, dataDir: serverDir, file: desktopFile });
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  });

  it('copies every row and file and says so, table by table', () => {
    const byTable = Object.fromEntries(first.outcome.tables.map((t) => [t.table, t]));
    for (const t of ['stories', 'revisions', 'comments', 'photo_assets', 'story_photos', 'audit_events', 'finding_dismissals', 'published_versions', 'staff']) {
      expect(byTable[t]!.inFile, t).toBeGreaterThan(0);
    }
    for (const t of first.outcome.tables) expect(t.added, t.table).toBe(t.inFile);
    expect(first.outcome.replacedPlaceholder).toBe(true);
    for (const f of first.files) expect(f.added, f.label).toBeGreaterThan(0);
    const report = describeImport(first, 'db', serverDir);
    expect(report).toContain('Checked: every row of the file is in the database with the same content');
    expect(report).toMatch(/stories\s+2\s+2\s+0/);
    expect(report).toContain('everyone signs in again on the server, with the same e-mail and password');
    expect(report).toMatch(/\d+ text locks? released with those sessions; the text is kept as last saved/);
    expect(fs.readFileSync(desktopFile).equals(fileBefore)).toBe(true);
  });

  it('adds nothing when run again, and says so', async () => {
    const again = await importNewsroom({ database: url, dataDir: serverDir, file: desktopFile });
    expect(again.outcome.tables.every((t) => t.added === 0 && t.alreadyThere === t.inFile)).toBe(true);
    expect(again.files.every((f) => f.added === 0 && f.alreadyThere === f.inFile)).toBe(true);
    expect(describeImport(again, 'db', serverDir)).toContain('Nothing to add');
  });

  it('serves the newsroom from PostgreSQL: the same password, stories, history, comments, photos, published versions and Korean search', async () => {
    core = await createCore({ dataDir: serverDir, database: url });
    expect(await core.firstAdminSetup()).toBeNull();
    const { token } = await callCore(core, null, 'session.signIn', { email: JI_EMAIL, password: JI_PASSWORD });
    const found = await callCore(core, token, 'stories.list', { query: '북한' });
    expect(found.items.map((s) => s.id)).toContain(koreanId);
    const korean = await callCore(core, token, 'stories.get', { id: koreanId });
    expect(korean.story.headline).toBe(KOREAN_HEADLINE);
    expect(korean.comments.map((c) => c.text)).toEqual(['출처를 한 번 더 확인해 주세요.', '확인했습니다.']);
    const history = await callCore(core, token, 'stories.history', { id: koreanId });
    expect(history.revisions.length).toBeGreaterThan(0);
    expect(history).toEqual(desktopHistory);
    const seed = await callCore(core, token, 'stories.get', { id: seedId });
    expect(seed.story.status).toBe('published');
    expect(seed.photos).toHaveLength(2);
    expect(seed.dismissals.length).toBeGreaterThan(0);
    const published = await callCore(core, token, 'published.get', { storyId: seedId, version: 1 });
    expect(published.html).toContain(seed.story.headline);
    const thumb = path.join(serverDir, ...thumbUrl.split('/').filter(Boolean));
    expect(fs.readFileSync(thumb).equals(fs.readFileSync(path.join(desktopDir, ...thumbUrl.split('/').filter(Boolean))))).toBe(true);
    // New rows continue above the imported ids.
    const { story } = await callCore(core, token, 'stories.create', { desk: 'North Korea', headline: 'After the move', slug: 'after-move' });
    expect(story.id).toBeGreaterThan(koreanId);
    await core.idle();
    await core.close();
    // After the server worked on the newsroom, the file's rows are still found there unchanged.
    const later = await importNewsroom({ database: url, dataDir: serverDir, file: desktopFile });
    expect(later.outcome.tables.filter((t) => t.added > 0)).toEqual([]);
  });
});

describe('a file from an older Newsdesk', () => {
  it('is brought up to date in a temporary copy and moved in; the file itself is not changed', async () => {
    const old = dbAtVersion(9);
    old.exec(`INSERT INTO desks (name) VALUES ('Politics');
      INSERT INTO staff (name, email, password_hash) VALUES ('Yoo Na-rae', 'narae@example.com', 'scrypt$stand-in');
      INSERT INTO staff_roles (staff_id, role) VALUES (1, 'admin');`);
    const file = old.name;
    old.close();
    const before = fs.readFileSync(file);
    const url = await freshDatabase();
    const serverDir = tmp('server');
    try {
      const result = await importNewsroom({ database: url, dataDir: serverDir, file });
      expect(result.olderVersion).toBe(9);
      expect(result.outcome.tables.find((t) => t.table === 'staff')).toMatchObject({ inFile: 1, added: 1 });
      expect(describeImport(result, 'db', serverDir)).toContain('older Newsdesk (schema 9)');
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      fs.rmSync(serverDir, { recursive: true, force: true });
    }
  });
});

describe('refusals', () => {
  it('refuses a database holding another newsroom whose ids clash, naming the table and id, and writes nothing', async () => {
    const url = await freshDatabase();
    const otherDir = tmp('other');
    const serverDir = tmp('server');
    try {
      const other = await createCore({ dataDir: otherDir, database: url, demo: true });
      await other.close();
      const before = await rowCounts(url);
      const refused = await importNewsroom({ database: url, dataDir: serverDir, file: desktopFile }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportRefused);
      expect((refused as ImportRefused).table).toBe('staff');
      expect((refused as Error).message).toMatch(/its row id 1 of staff differs from the file's \(password_hash\)/);
      expect(await rowCounts(url)).toEqual(before);
      expect(fs.readdirSync(serverDir).filter((f) => f === 'media' || f === 'published')).toEqual([]);
      expect(fs.existsSync(path.join(serverDir, 'media')) && fs.readdirSync(path.join(serverDir, 'media')).length > 0).toBe(false);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
      fs.rmSync(serverDir, { recursive: true, force: true });
    }
  });

  it('keeps nothing when the check after copying finds a row that did not arrive as it was in the file', async () => {
    const url = await freshDatabase();
    const serverDir = tmp('server');
    const client = new pg.Client({ connectionString: url });
    try {
      await (await openPostgres(url)).close();
      // A fault between the import and the rows it reads back: the database alters comments as they go in.
      await client.connect();
      await client.query(`CREATE FUNCTION alter_comment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.text := NEW.text || ' (altered)'; RETURN NEW; END $$;
        CREATE TRIGGER alter_comment BEFORE INSERT ON comments FOR EACH ROW EXECUTE FUNCTION alter_comment()`);
      const refused = await importNewsroom({ database: url, dataDir: serverDir, file: desktopFile }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ImportRefused);
      expect((refused as ImportRefused).table).toBe('comments');
      expect((refused as Error).message).toMatch(/The check after copying found the row id \d+ of comments different in the database \(text\)/);
      const counts = await rowCounts(url);
      expect([counts.stories, counts.comments, counts.staff]).toEqual([0, 0, 0]);
      expect(fs.existsSync(path.join(serverDir, 'media')) && fs.readdirSync(path.join(serverDir, 'media')).length > 0).toBe(false);
    } finally {
      await client.end();
      fs.rmSync(serverDir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged file and a file from a newer Newsdesk in words, writing nothing', async () => {
    const url = await freshDatabase();
    const dir = tmp('bad');
    try {
      const damaged = path.join(dir, 'damaged.db');
      fs.copyFileSync(desktopFile, damaged);
      const bytes = fs.readFileSync(damaged);
      // Pages after the first: the header still says SQLite, the tree under it is garbage.
      bytes.fill(0x5a, 4096 * 2, Math.min(bytes.length, 4096 * 12));
      fs.writeFileSync(damaged, bytes);
      await expect(importNewsroom({ database: url, dataDir: path.join(dir, 'server'), file: damaged })).rejects.toThrow(/is damaged/);

      const newer = path.join(dir, 'newer.db');
      fs.copyFileSync(desktopFile, newer);
      const db = new Database(newer);
      db.pragma('user_version = 999');
      db.close();
      const unchanged = fs.readFileSync(newer);
      await expect(importNewsroom({ database: url, dataDir: path.join(dir, 'server'), file: newer })).rejects.toThrow(/written by a newer version of Newsdesk/);
      expect(fs.readFileSync(newer).equals(unchanged)).toBe(true);
      expect(Object.values(await rowCounts(url)).every((n) => n === 0)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
