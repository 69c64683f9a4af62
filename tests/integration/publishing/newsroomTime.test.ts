// What a published page and its ninjs say about time and place: the page's dates are in the
// newsroom's time zone while ninjs stays in UTC; a preview never claims a publication time (it says
// it is not published yet, or when it is scheduled to go out); and ninjs links start at the
// newsroom's public address, still valid ninjs 3.1.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { displayTime } from '../../../core/publishing/articleHtml.js';
import { PACKAGE_BASE_URL } from '../../../core/publishing/ninjs.js';
import { addPhoto, addStory, FIXTURES, makeEnv, seed, setStatus, type Env } from './env.js';
import { ninjsErrors } from './ninjsSchema.js';

let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

function readPackage(e: Env, rel: string): { html: string; ninjs: Record<string, unknown> } {
  const dir = path.join(e.dir, 'published', rel);
  return { html: fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), ninjs: JSON.parse(fs.readFileSync(path.join(dir, 'ninjs.json'), 'utf8')) };
}

/** The text of the line under the byline. */
const timeLine = (html: string) => (/<p class="published[^"]*">(.*?)<\/p>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();

async function withPhotos(e: Env, slug: string): Promise<number> {
  const id = await addStory(e, { slug });
  await addPhoto(e, id, {
    file: path.join(FIXTURES, 'photos/security-talks-seoul.jpg'),
    placement: 'lead',
    caption: seed.photos[0]!.caption,
    credit: seed.photos[0]!.credit,
  });
  await addPhoto(e, id, {
    file: path.join(FIXTURES, 'photos/bmd-exercise-east-sea.jpg'),
    placement: 'inline',
    caption: seed.photos[1]!.caption,
    credit: seed.photos[1]!.credit,
    position: 1,
  });
  return id;
}

describe('displayTime', () => {
  test.each([
    ['2023-04-17T09:30:00.000Z', 'UTC', 'April 17, 2023 09:30 UTC'],
    ['2023-04-17T09:30:00.000Z', 'Asia/Seoul', 'April 17, 2023 18:30 UTC+9'],
    ['2023-04-17T16:05:00.000Z', 'Asia/Seoul', 'April 18, 2023 01:05 UTC+9'],
    ['2023-04-17T09:30:00.000Z', 'Asia/Kolkata', 'April 17, 2023 15:00 UTC+5:30'],
    ['2023-01-17T09:30:00.000Z', 'America/New_York', 'January 17, 2023 04:30 UTC-5'],
    ['2023-07-17T09:30:00.000Z', 'America/New_York', 'July 17, 2023 05:30 UTC-4'],
    ['2023-01-17T09:30:00.000Z', 'Europe/London', 'January 17, 2023 09:30 UTC'],
  ])('%s in %s reads %s', (iso, zone, expected) => {
    expect(displayTime(new Date(iso), zone)).toBe(expected);
  });
});

describe("the newsroom's time zone", () => {
  test('the page shows Seoul time when the zone is Asia/Seoul; ninjs keeps UTC', async () => {
    env = await makeEnv();
    env.settings.timeZone = 'Asia/Seoul';
    const id = await addStory(env, {});
    env.now.value = new Date('2023-04-17T16:05:00.000Z');
    const v1 = await env.publisher.publish(id, env.desk);
    const p1 = readPackage(env, v1.path);
    expect(timeLine(p1.html)).toBe('Published April 18, 2023 01:05 UTC+9');
    // The machine-readable time stays UTC.
    expect(p1.html).toContain('<time datetime="2023-04-17T16:05:00.000Z">');
    expect(p1.ninjs).toMatchObject({ versionCreated: '2023-04-17T16:05:00.000Z' });
    expect(p1.ninjs.firstCreated).toMatch(/Z$/);
    expect(JSON.stringify(p1.ninjs)).not.toMatch(/UTC\+9|\+09:00/);
    expect(ninjsErrors(p1.ninjs)).toEqual([]);

    // A correction and a kill, both in Seoul time.
    await setStatus(env, id, 'approved', { correctionNote: 'Fixes a date.' });
    env.now.value = new Date('2023-04-18T02:00:00.000Z');
    const v2 = await env.publisher.publish(id, env.desk);
    expect(timeLine(readPackage(env, v2.path).html)).toBe('Published April 18, 2023 01:05 UTC+9 · Updated April 18, 2023 11:00 UTC+9');
    await setStatus(env, id, 'published', { correctionNote: null });
    const v3 = await env.publisher.publish(id, env.desk, { kill: { note: 'Legal.' } });
    const kill = readPackage(env, v3.path);
    expect(timeLine(kill.html)).toBe('Withdrawn April 18, 2023 11:00 UTC+9');
    expect(kill.html).toContain('first published April 18, 2023 01:05 UTC+9');
    expect(kill.ninjs).toMatchObject({ versionCreated: '2023-04-18T02:00:00.000Z' });
  });

  test('a zone set after a version was published leaves that version as it was', async () => {
    env = await makeEnv();
    const id = await addStory(env, {});
    const v1 = await env.publisher.publish(id, env.desk);
    const before = readPackage(env, v1.path).html;
    expect(timeLine(before)).toBe('Published April 17, 2023 09:30 UTC');
    env.settings.timeZone = 'Asia/Seoul';
    expect(readPackage(env, v1.path).html).toBe(before);
  });
});

describe('a preview is not published', () => {
  test('a draft says "Not yet published — preview", never "Published <now>"', async () => {
    env = await makeEnv();
    const id = await addStory(env, { status: 'draft' });
    const html = await env.publisher.preview(id);
    expect(timeLine(html)).toBe('Not yet published — preview');
    expect(html).not.toContain('Published');
    expect(html).not.toContain('<time');
  });

  test('a scheduled story says when it goes out, in the newsroom zone', async () => {
    env = await makeEnv();
    env.settings.timeZone = 'Asia/Seoul';
    const id = await addStory(env, { status: 'scheduled' });
    await setStatus(env, id, 'scheduled', { publishAt: '2023-04-18T00:30:00.000Z', scheduledBy: env.desk.id });
    const html = await env.publisher.preview(id);
    expect(timeLine(html)).toBe('Scheduled for April 18, 2023 09:30 UTC+9 — preview');
    expect(html).toContain('<time datetime="2023-04-18T00:30:00.000Z">');
  });

  test('a published story shows the times it went out; a correction in progress says the update is not out yet', async () => {
    env = await makeEnv();
    const id = await addStory(env, {});
    await env.publisher.publish(id, env.desk);
    await setStatus(env, id, 'published');
    env.now.value = new Date('2023-04-17T15:00:00.000Z');
    expect(timeLine(await env.publisher.preview(id))).toBe('Published April 17, 2023 09:30 UTC · Preview');

    await setStatus(env, id, 'editing', { correctionNote: 'Fixes a name.' });
    expect(timeLine(await env.publisher.preview(id))).toBe('Published April 17, 2023 09:30 UTC · Update not yet published — preview');
    await setStatus(env, id, 'approved');
    env.now.value = new Date('2023-04-17T11:00:00.000Z');
    await env.publisher.publish(id, env.desk);
    await setStatus(env, id, 'scheduled', { publishAt: '2023-04-17T18:00:00.000Z', scheduledBy: env.desk.id });
    expect(timeLine(await env.publisher.preview(id))).toBe(
      'Published April 17, 2023 09:30 UTC · Updated April 17, 2023 11:00 UTC · Update scheduled for April 17, 2023 18:00 UTC — preview',
    );
  });
});

describe("the newsroom's public address in ninjs", () => {
  const hrefs = (ninjs: Record<string, unknown>) => (ninjs.associations as { renditions: { href: string }[] }[]).flatMap((a) => a.renditions.map((r) => r.href));

  test('rendition links start at the public address and name the files in the package; the ninjs validates', async () => {
    env = await makeEnv();
    env.settings.publicBaseUrl = 'https://news.example.com/desk';
    const id = await withPhotos(env, 'public-address');
    const v = await env.publisher.publish(id, env.desk);
    const { ninjs } = readPackage(env, v.path);
    expect(ninjsErrors(ninjs)).toEqual([]);
    const links = hrefs(ninjs);
    expect(links).toHaveLength(4);
    for (const href of links) {
      expect(href).toMatch(/^https:\/\/news\.example\.com\/desk\/published\/public-address\/v1\/images\/photo-\d-(large|thumbnail)\.jpg$/);
      expect(fs.existsSync(path.join(env.dir, 'published', v.path, 'images', path.basename(href)))).toBe(true);
    }
    expect(JSON.stringify(ninjs)).not.toContain(PACKAGE_BASE_URL);
  });

  test('unset, they use the placeholder host, still valid ninjs', async () => {
    env = await makeEnv();
    const id = await withPhotos(env, 'no-address');
    const v = await env.publisher.publish(id, env.desk);
    const { ninjs } = readPackage(env, v.path);
    expect(ninjsErrors(ninjs)).toEqual([]);
    for (const href of hrefs(ninjs)) expect(href.startsWith(`${PACKAGE_BASE_URL}/published/no-address/v1/images/`)).toBe(true);
  });
});
