// The seed article rebuilt end to end through the core's one entry (core.call): the reporter
// writes it, the photo editor imports and attaches both photos, the desk editor claims, approves
// and publishes; then a correction (v2) and a kill (v3). Also: a scheduled story that fell due
// while the core was closed goes out at the next start.

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import type { Core } from '../../../core/core.js';
import { readJpegSegments } from '../../../core/photos/metadata/jpegSegments.js';
import { readXmpFields } from '../../../core/photos/metadata/xmp.js';
import type { PublishedVersionSummary } from '../../../shared/domain.js';
import { seed } from './env.js';
import { openNewsroom, writeSeedArticle } from '../../support/seedNewsroom.js';
import { makeClock, type Clock, type Harness } from '../../support/coreHarness.js';
import { ninjsErrors } from './ninjsSchema.js';
import { htmlText } from '../../support/htmlText.js';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function newsroom(dir?: string, clock?: Clock): Promise<Harness> {
  const n = await openNewsroom(dir, clock);
  if (!dir) dirs.push(n.dir);
  cores.push(n.core);
  return n;
}

const writeSeed = writeSeedArticle;

function packageFiles(n: Harness, v: PublishedVersionSummary): Map<string, Buffer> {
  const dir = path.join(n.dir, 'published', v.path);
  const names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  return new Map(names.sort().map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

describe('the seed article through the API', () => {
  test('publish, correct (v2), kill (v3)', async () => {
    const n = await newsroom();
    const id = await writeSeed(n);
    const desk = n.as('kim');

    const { html: preview } = await desk('published.preview', { storyId: id });
    n.clock.now = new Date('2023-04-17T09:30:00.000Z');
    const published = await desk('stories.transition', { id, action: 'publish' });
    expect(published.story).toMatchObject({ status: 'published', publishedVersions: 1 });

    const { versions } = await desk('published.list', { storyId: id });
    expect(versions).toMatchObject([{ version: 1, pubStatus: 'usable', publishedByName: 'Kim Min-ji', path: 'kor-jpn-security-talks/v1' }]);
    const v1 = versions[0]!;
    const got = await desk('published.get', { storyId: id, version: 1 });
    const html = got.html;

    expect(html).toContain(`<h1>${seed.headline}</h1>`);
    expect(html).toContain(seed.subheadlines[0]);
    expect(html).toContain('By Ji Da-gyum (dagyumji@heraldcorp.com)');
    const paras = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => htmlText(m[1]!));
    expect(paras).toEqual(seed.body_paragraphs);
    expect(paras).toHaveLength(22);
    const figcaptions = [...html.matchAll(/<figcaption>(.*?)<\/figcaption>/g)].map((m) => htmlText(m[1]!));
    expect(figcaptions).toEqual(seed.photos.map((p) => p.rendered_caption));
    // the lead above the body, the inline photo before paragraph 10 (0-based)
    expect(html.indexOf('<figure class="lead">')).toBeLessThan(html.indexOf('<div class="body">'));
    const inlineAt = html.indexOf('<figure class="inline">');
    const para = (i: number) => html.indexOf(`<p>${[...html.matchAll(/<p>(.*?)<\/p>/g)][i]![1]}</p>`);
    expect(inlineAt).toBeGreaterThan(para(9));
    expect(inlineAt).toBeLessThan(para(10));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);

    // Preview was exactly this HTML, up to image hrefs and the line under the byline (a preview says it is not published)
    const normalize = (h: string) => h.replace(/src="[^"]*"/g, 'src=""').replace(/<p class="published[^"]*">.*?<\/p>/g, '<time/>');
    expect(preview).toContain('Not yet published — preview');
    expect(normalize(preview)).toBe(normalize(html));
    expect(preview).toMatch(/src="\/media\/[0-9a-f]{64}\/display\.jpg"/);

    const ninjs = got.ninjs as Record<string, unknown>;
    expect(ninjsErrors(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({ type: 'text', version: '1', pubStatus: 'usable', slugline: published.story.slug, located: 'SEOUL', language: 'en' });
    // The body's word count is the one the editor showed and the queue lists.
    expect((ninjs.bodies as { wordCount: number }[])[0]!.wordCount).toBe(published.story.wordCount);
    const assoc = ninjs.associations as {
      type: string;
      descriptions: { role: string; value: string }[];
      renditions: { name: string; href: string; width: number; height: number; contentType: string }[];
    }[];
    expect(assoc.map((a) => a.type)).toEqual(['picture', 'picture']);
    expect(assoc.map((a) => a.descriptions.find((d) => d.role === 'caption')?.value)).toEqual(seed.photos.map((p) => p.caption));
    // The fixtures carry no creator: the credit line stands in as the picture's `by`.
    expect(assoc.map((a) => (a as unknown as { by?: string }).by)).toEqual(seed.photos.map((p) => p.credit));
    for (const [i, a] of assoc.entries()) {
      expect(a.renditions.map((r) => r.name)).toEqual(['large', 'thumbnail']);
      for (const r of a.renditions) {
        const file = path.join(n.dir, 'published', v1.path, 'images', path.basename(r.href));
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height, r.contentType]).toEqual([r.width, r.height, 'image/jpeg']);
        // The rendition's own XMP packet, read straight from the file's APP1 segment.
        const packet = readJpegSegments(fs.readFileSync(file)).xmp;
        expect(packet, file).not.toBeNull();
        expect(readXmpFields(packet!.toString('utf8'))).toMatchObject({ caption: seed.photos[i]!.caption, credit: seed.photos[i]!.credit });
      }
    }

    // Correction: v2 carries the note; v1 stays byte-identical
    const v1Files = packageFiles(n, v1);
    n.clock.now = new Date('2023-04-17T12:00:00.000Z');
    await desk('stories.transition', { id, action: 'correct', note: 'Corrects the spelling of Seo Min-jeong in the photo caption.' });
    await desk('stories.transition', { id, action: 'approve' });
    await desk('stories.transition', { id, action: 'publish' });
    const v2 = await desk('published.get', { storyId: id, version: 2 });
    expect(v2.version).toMatchObject({ version: 2, correctionNote: 'Corrects the spelling of Seo Min-jeong in the photo caption.' });
    expect(v2.html).toContain('Correction:</strong> Corrects the spelling of Seo Min-jeong in the photo caption.');
    expect(v2.ninjs).toMatchObject({ version: '2', descriptions: [{ role: 'correction', value: 'Corrects the spelling of Seo Min-jeong in the photo caption.' }] });
    expect(ninjsErrors(v2.ninjs)).toEqual([]);
    expect(packageFiles(n, v1)).toEqual(v1Files);

    // Kill: v3 is the notice; every version stays listed with who and when
    n.clock.now = new Date('2023-04-18T08:00:00.000Z');
    const killed = await desk('stories.transition', { id, action: 'kill', note: 'Withdrawn at the request of the ministry.' });
    expect(killed.story.status).toBe('killed');
    const v3 = await desk('published.get', { storyId: id, version: 3 });
    expect((v3.ninjs as Record<string, unknown>).pubStatus).toBe('canceled');
    expect(ninjsErrors(v3.ninjs)).toEqual([]);
    expect(v3.html).toContain('Withdrawn at the request of the ministry.');
    expect(v3.html).not.toContain(seed.body_paragraphs[0]);
    const all = await desk('published.list', { storyId: id });
    expect(all.versions.map((v) => [v.version, v.pubStatus, v.publishedByName, v.publishedAt])).toEqual([
      [1, 'usable', 'Kim Min-ji', '2023-04-17T09:30:00.000Z'],
      [2, 'usable', 'Kim Min-ji', '2023-04-17T12:00:00.000Z'],
      [3, 'canceled', 'Kim Min-ji', '2023-04-18T08:00:00.000Z'],
    ]);
    expect(packageFiles(n, v1)).toEqual(v1Files);
  });

  test('a failed package write keeps the story approved and reports the error', async () => {
    const n = await newsroom();
    const id = await writeSeed(n);
    const desk = n.as('kim');
    // A file where published/ should be: every write below it fails.
    fs.writeFileSync(path.join(n.dir, 'published'), 'not a folder');
    const error = (await desk('stories.transition', { id, action: 'publish' }).catch((e: unknown) => e)) as { code: string; message: string };
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/Publishing failed.*Nothing was published/);
    const { story } = await desk('stories.get', { id });
    expect(story).toMatchObject({ status: 'approved', publishedVersions: 0 });
    expect((await desk('published.list', { storyId: id })).versions).toEqual([]);
  });

  test('export folder errors are reported and retryable through the API', async () => {
    const n = await newsroom();
    const id = await writeSeed(n);
    const desk = n.as('kim');
    const out = path.join(n.dir, 'export-target');
    // The folder is checked when it is set (by the shell or the serve cli); it disappears afterwards (an unmounted share).
    fs.mkdirSync(out);
    await n.core.exportFolder.set(out);
    fs.rmSync(out, { recursive: true });
    await desk('stories.transition', { id, action: 'publish' });
    const [v] = (await desk('published.list', { storyId: id })).versions;
    expect(v).toMatchObject({ exportStatus: 'failed' });
    expect(v!.exportError).toMatch(/does not exist/);
    fs.mkdirSync(out);
    const retried = await desk('published.retryExport', { storyId: id, version: 1 });
    expect(retried.version).toMatchObject({ exportStatus: 'ok', exportError: null });
    expect(fs.existsSync(path.join(out, 'kor-jpn-security-talks/v1/index.html'))).toBe(true);
  });

  test('a story that fell due while the core was closed is published at the next start', async () => {
    const clock = makeClock('2023-04-17T08:00:00.000Z');
    const n = await newsroom(undefined, clock);
    const id = await writeSeed(n, 'embargoed-story');
    const desk = n.as('kim');
    await desk('stories.transition', { id, action: 'schedule', publishAt: '2023-04-17T10:00:00.000Z' });
    await n.core.close();
    cores.splice(cores.indexOf(n.core), 1);

    clock.now = new Date('2023-04-17T11:00:00.000Z');
    const again = await newsroom(n.dir, clock);
    const desk2 = again.as('kim');
    const { story } = await desk2('stories.get', { id });
    expect(story).toMatchObject({ status: 'published', publishedVersions: 1, publishAt: null });
    const { versions } = await desk2('published.list', { storyId: id });
    expect(versions).toMatchObject([{ version: 1, publishedByName: 'Kim Min-ji', publishedAt: '2023-04-17T11:00:00.000Z' }]);
    const { events } = await desk2('stories.history', { id });
    expect(events).toContainEqual(expect.objectContaining({ event: 'schedule', actorName: 'Kim Min-ji' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'autoPublish', actorName: 'Kim Min-ji', from: 'scheduled', to: 'published' }));
  });
});
