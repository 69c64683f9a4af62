// A real SQLite store in a temp folder with staff, the seed story and its two photos, built
// directly through db/ functions (no core needed), for the publisher's own tests.

import { createCopyDesk } from '../../../core/copyDesk/copyDesk.js';
import { DEFAULT_SETTINGS } from '../../../core/settings/settingsStore.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { openDatabase, openPostgres, sqliteStore, type Db } from '../../../db/index.js';
import { freshDatabase, TEST_BACKEND } from '../../support/postgres.js';
import { insertStaff, getStaff } from '../../../db/staff.js';
import { insertStory, getStory, updateStoryWorkflow } from '../../../db/stories.js';
import { docFromParagraphs, bodyText } from '../../../shared/body.js';
import { countWords } from '../../../shared/text.js';
import type { ChangeEvent, DocNode, Settings, Staff, Status } from '../../../shared/domain.js';
import { createPublisher, type FullPublisher } from '../../../core/publishing/publisher.js';
import type { PackageFs } from '../../../core/publishing/packageFs.js';
import type { CoreServices } from '../../../core/services.js';
import { KeyedMutex } from '../../../core/write.js';
import { loadSeedArticle, type SeedArticle } from '../../support/seedArticle.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export type SeedStory = SeedArticle;

export const seed: SeedStory = loadSeedArticle();

export interface Env {
  dir: string;
  db: Db;
  services: CoreServices;
  publisher: FullPublisher;
  settings: Settings;
  /** The export folder the publisher copies to (what the shell or serve cli set in the real core). */
  exportDir: { value: string | null };
  events: ChangeEvent[];
  reporter: Staff;
  desk: Staff;
  now: { value: Date };
  close(): Promise<void>;
}

export async function makeEnv(opts: { fs?: PackageFs } = {}): Promise<Env> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pub-'));
  const db: Db = TEST_BACKEND === 'postgres' ? await openPostgres(await freshDatabase()) : sqliteStore(openDatabase(path.join(dir, 'newsdesk.db')));
  await db.run(`INSERT INTO desks (name) VALUES (?)`, 'North Korea');
  const reporterId = await insertStaff(db, { name: 'Ji Da-gyum', email: 'dagyumji@heraldcorp.com', roles: ['reporter'], desks: ['North Korea'] });
  const deskId = await insertStaff(db, { name: 'Desk Editor', email: 'desk@example.com', roles: ['desk_editor'], desks: ['North Korea'] });
  // Pages' dates in UTC whatever zone the test machine is in.
  const settings: Settings = { ...DEFAULT_SETTINGS, maxPhotoBytes: 1e8, timeZone: 'UTC' };
  const exportDir: Env['exportDir'] = { value: null };
  const events: ChangeEvent[] = [];
  const now = { value: new Date('2023-04-17T09:30:00.000Z') };
  const mutex = new KeyedMutex();
  const base = {
    db,
    dataDir: dir,
    now: () => now.value,
    emit: (e: ChangeEvent) => events.push(e),
    settings: () => settings,
    exportDir: () => exportDir.value,
    serialize: <T>(storyId: number, fn: () => Promise<T>) => mutex.run(storyId, fn),
  };
  const publisher = createPublisher(base, { fs: opts.fs });
  const services: CoreServices = {
    ...base,
    publisher,
    copyDesk: createCopyDesk(
      base,
      () => () => undefined,
      (e) => {
        throw e;
      },
    ),
  };
  return {
    dir,
    db,
    services,
    publisher,
    settings,
    exportDir,
    events,
    reporter: (await getStaff(db, reporterId)) as Staff,
    desk: (await getStaff(db, deskId)) as Staff,
    now,
    async close() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addStory(
  env: Env,
  s: { slug?: string; headline?: string; subheadlines?: string[]; body?: DocNode; status?: Status; dateline?: string },
): Promise<number> {
  const body = s.body ?? docFromParagraphs(seed.body_paragraphs);
  const text = bodyText(body);
  const id = await insertStory(env.db, {
    slug: s.slug ?? seed.slug,
    desk: seed.desk,
    headline: s.headline ?? seed.headline,
    subheadlines: s.subheadlines ?? seed.subheadlines,
    dateline: s.dateline ?? seed.dateline,
    language: 'en',
    body,
    bodyText: text,
    wordCount: countWords(text),
    createdBy: env.reporter.id,
    at: '2023-04-17T08:00:00.000Z',
    bylineIds: [env.reporter.id],
    status: s.status ?? 'approved',
  });
  return id;
}

export async function setStatus(
  env: Env,
  storyId: number,
  status: Status,
  extra: { correctionNote?: string | null; publishAt?: string | null; scheduledBy?: number | null } = {},
): Promise<void> {
  const s = await getStory(env.db, storyId);
  if (!s) throw new Error('no story');
  await updateStoryWorkflow(env.db, storyId, {
    status,
    claimedBy: null,
    sendBackNote: null,
    correctionNote: extra.correctionNote === undefined ? s.correctionNote : extra.correctionNote,
    publishAt: extra.publishAt === undefined ? s.publishAt : extra.publishAt,
    scheduledBy: extra.scheduledBy === undefined ? s.scheduledBy : extra.scheduledBy,
    publishedVersions: s.publishedVersions,
    at: env.now.value.toISOString(),
  });
}

/**
 * Stores a photo the way the photo desk does (content-addressed original under media/<hash>/)
 * and attaches it. Test-only SQL: the photo desk's own db functions may not exist yet.
 */
export async function addPhoto(
  env: Env,
  storyId: number,
  p: { file: string; placement: 'lead' | 'inline'; caption: string; credit: string; alt?: string; position?: number },
): Promise<number> {
  const bytes = fs.readFileSync(p.file);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const dir = path.join(env.dir, 'media', hash);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'original.jpg'), bytes);
  const meta = await sharp(bytes).metadata();
  let assetId = await env.db.value<number>(`SELECT id FROM photo_assets WHERE hash = ?`, hash);
  if (!assetId) {
    assetId = Number(
      await env.db.value(
        `INSERT INTO photo_assets (hash, original_name, content_type, width, height, bytes, caption, credit, creator, copyright, imported_at, imported_by)
           VALUES (?, ?, 'image/jpeg', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        hash,
        path.basename(p.file),
        meta.width,
        meta.height,
        bytes.length,
        p.caption,
        p.credit,
        'Staff Photographer',
        `© ${p.credit}`,
        '2023-04-17T08:00:00.000Z',
        env.desk.id,
      ),
    );
  }
  return Number(
    await env.db.value(
      `INSERT INTO story_photos (story_id, asset_id, placement, position, caption, credit, alt) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      storyId,
      assetId,
      p.placement,
      p.position ?? 0,
      p.caption,
      p.credit,
      p.alt ?? '',
    ),
  );
}

/** The seed body with a figure node for `storyPhotoId` before paragraph `before`. */
export function bodyWithFigure(paragraphs: string[], before: number, storyPhotoId: number): DocNode {
  const doc = docFromParagraphs(paragraphs);
  const content = [...(doc.content ?? [])];
  content.splice(before, 0, { type: 'figure', attrs: { storyPhotoId } });
  return { ...doc, content };
}
