// The publisher on a real SQLite store and real sharp: packages, ninjs validity, XMP in the
// renditions, corrections, kills, hostile slugs, escaping, failure atomicity and export.

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import { listPublishedVersions } from '../../../db/published.js';
import { getStory } from '../../../db/stories.js';
import { nodeFs, type PackageFs } from '../../../core/publishing/packageFs.js';
import { publishDue, startScheduler } from '../../../core/publishing/scheduler.js';
import { ApiError } from '../../../shared/errors.js';
import { addPhoto, addStory, bodyWithFigure, FIXTURES, makeEnv, seed, setStatus, type Env } from './env.js';
import { ninjsErrors } from './ninjsSchema.js';
import { htmlText } from '../../support/htmlText.js';

let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** The seed story with both photos, the inline one before paragraph 10. */
async function seedStory(e: Env, slug = seed.slug): Promise<number> {
  const id = await addStory(e, { slug });
  const [lead, inline] = seed.photos;
  await addPhoto(e, id, {
    file: path.join(FIXTURES, 'photos/security-talks-seoul.jpg'),
    placement: 'lead',
    caption: lead!.caption,
    credit: lead!.credit,
    alt: 'Officials of both countries at a table',
  });
  const inlineId = await addPhoto(e, id, {
    file: path.join(FIXTURES, 'photos/bmd-exercise-east-sea.jpg'),
    placement: 'inline',
    caption: inline!.caption,
    credit: inline!.credit,
    position: 1,
  });
  await e.db.run(`UPDATE stories SET body = ? WHERE id = ?`, JSON.stringify(bodyWithFigure(seed.body_paragraphs, inline!.before_paragraph!, inlineId)), id);
  return id;
}

function readPackage(e: Env, rel: string): { html: string; ninjs: Record<string, unknown> } {
  const dir = path.join(e.dir, 'published', rel);
  return { html: fs.readFileSync(path.join(dir, 'index.html'), 'utf8'), ninjs: JSON.parse(fs.readFileSync(path.join(dir, 'ninjs.json'), 'utf8')) };
}

describe('publishing the seed article', () => {
  test('writes index.html, ninjs.json and captioned renditions', async () => {
    env = await makeEnv();
    const id = await seedStory(env);
    const v = await env.publisher.publish(id, env.desk);
    expect(v).toMatchObject({ version: 1, pubStatus: 'usable', path: 'kor-jpn-security-talks/v1', exportStatus: 'none', publishedByName: 'Desk Editor' });
    const { html, ninjs } = readPackage(env, v.path);

    // HTML: headline, subheadline, byline, 22 paragraphs in order, both figures where story.json puts them
    expect(html).toContain(`<h1>${seed.headline}</h1>`);
    expect(html).toContain(`<p class="subheadline">${seed.subheadlines[0]}</p>`);
    expect(html).toContain('<p class="byline">By Ji Da-gyum (dagyumji@heraldcorp.com)</p>');
    expect(html).toContain('<p class="dateline">SEOUL</p>');
    const paras = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => htmlText(m[1]!));
    expect(paras).toEqual(seed.body_paragraphs);
    const captions = [...html.matchAll(/<figcaption>(.*?)<\/figcaption>/g)].map((m) => htmlText(m[1]!));
    expect(captions).toEqual(seed.photos.map((p) => p.rendered_caption));
    const inlineAt = html.indexOf('<figure class="inline">');
    expect(inlineAt).toBeGreaterThan(html.indexOf(`<p>${seed.body_paragraphs[9]!.replace(/’/g, '’')}`));
    expect(inlineAt).toBeLessThan(html.indexOf(seed.body_paragraphs[10]!));
    expect(html).not.toMatch(/<script|<link|src="http|@import/);

    // ninjs
    expect(ninjsErrors(ninjs)).toEqual([]);
    expect(ninjs).toMatchObject({
      type: 'text',
      version: '1',
      pubStatus: 'usable',
      language: 'en',
      slugline: seed.slug,
      located: 'SEOUL',
      by: 'By Ji Da-gyum (dagyumji@heraldcorp.com)',
    });
    expect(ninjs.headlines).toEqual([
      { role: 'main', contentType: 'text/plain', value: seed.headline },
      { role: 'subheadline', contentType: 'text/plain', value: seed.subheadlines[0] },
    ]);
    expect(ninjs.people).toEqual([{ name: 'Ji Da-gyum', rel: 'author', contactInfo: [{ type: 'email', value: 'dagyumji@heraldcorp.com' }] }]);
    const assoc = ninjs.associations as {
      type: string;
      descriptions: { role: string; value: string }[];
      renditions: { href: string; width: number; height: number }[];
      copyrightNotice: string;
      by: string;
    }[];
    expect(assoc).toHaveLength(2);
    for (const [i, a] of assoc.entries()) {
      expect(a.type).toBe('picture');
      expect(a.descriptions.find((d) => d.role === 'caption')?.value).toBe(seed.photos[i]!.caption);
      expect(a.by).toBe('Staff Photographer');
      expect(a.copyrightNotice).toBe(`© ${seed.photos[i]!.credit}`);
      expect(a.renditions.map((r) => path.basename(r.href))).toEqual([`photo-${i + 1}-large.jpg`, `photo-${i + 1}-thumbnail.jpg`]);
      for (const r of a.renditions) {
        const file = path.join(env.dir, 'published', v.path, 'images', path.basename(r.href));
        const meta = await sharp(file).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', r.width, r.height]);
        const xmp = meta.xmp?.toString('utf8') ?? '';
        expect(xmp).toContain(`<photoshop:Credit>${seed.photos[i]!.credit}</photoshop:Credit>`);
        expect(xmp).toContain(seed.photos[i]!.caption);
      }
    }
    expect(JSON.stringify(ninjs)).not.toContain('geoJSON');
    expect(listTree(path.join(env.dir, 'published'))).not.toContainEqual(expect.stringMatching(/^\.tmp/));
  });

  test('preview is exactly the package HTML with image hrefs mapped, and the line under the byline says it is not published', async () => {
    env = await makeEnv();
    const id = await seedStory(env);
    const preview = await env.publisher.preview(id);
    // A preview never claims a publication time: that one line is its own.
    const timeLine = /<p class="published[^"]*">.*?<\/p>/;
    expect(preview.match(timeLine)?.[0]).toBe('<p class="published preview">Not yet published — preview</p>');
    const v = await env.publisher.publish(id, env.desk);
    const { html } = readPackage(env, v.path);
    const photos = (await env.db.all(
      `SELECT a.hash FROM story_photos p JOIN photo_assets a ON a.id = p.asset_id WHERE p.story_id = ? ORDER BY p.placement = 'lead' DESC, p.position`,
      id,
    )) as { hash: string }[];
    let mapped = preview;
    photos.forEach((p, i) => (mapped = mapped.replace(`/media/${p.hash}/display.jpg`, `images/photo-${i + 1}-large.jpg`)));
    expect(mapped.replace(timeLine, '')).toBe(html.replace(timeLine, ''));
  });
});

describe('corrections and kills', () => {
  test('v2 carries the correction note, v1 stays byte-identical; kill publishes a canceled notice', async () => {
    env = await makeEnv();
    const id = await seedStory(env);
    const v1 = await env.publisher.publish(id, env.desk);
    await setStatus(env, id, 'published');
    const before = listTree(path.join(env.dir, 'published', v1.path)).map((f) => [
      f,
      fs.statSync(path.join(env!.dir, 'published', v1.path, f)).isFile() ? fs.readFileSync(path.join(env!.dir, 'published', v1.path, f)).toString('base64') : 'dir',
    ]);

    await setStatus(env, id, 'approved', { correctionNote: 'An earlier version misspelled Seo Min-jeong.' });
    env.now.value = new Date('2023-04-17T11:00:00.000Z');
    const v2 = await env.publisher.publish(id, env.desk);
    expect(v2).toMatchObject({ version: 2, path: 'kor-jpn-security-talks/v2', correctionNote: 'An earlier version misspelled Seo Min-jeong.' });
    const p2 = readPackage(env, v2.path);
    expect(p2.html).toContain('<strong>Correction:</strong> An earlier version misspelled Seo Min-jeong.');
    expect(p2.html).toContain('Updated April 17, 2023 11:00 UTC');
    expect(p2.ninjs).toMatchObject({
      version: '2',
      pubStatus: 'usable',
      descriptions: [{ role: 'correction', contentType: 'text/plain', value: 'An earlier version misspelled Seo Min-jeong.' }],
    });
    expect(ninjsErrors(p2.ninjs)).toEqual([]);
    const after = listTree(path.join(env.dir, 'published', v1.path)).map((f) => [
      f,
      fs.statSync(path.join(env!.dir, 'published', v1.path, f)).isFile() ? fs.readFileSync(path.join(env!.dir, 'published', v1.path, f)).toString('base64') : 'dir',
    ]);
    expect(after).toEqual(before);

    await setStatus(env, id, 'published', { correctionNote: null });
    const v3 = await env.publisher.publish(id, env.desk, { kill: { note: 'Legal: withdrawn pending review.' } });
    expect(v3).toMatchObject({ version: 3, pubStatus: 'canceled', correctionNote: 'Legal: withdrawn pending review.' });
    const p3 = readPackage(env, v3.path);
    expect(p3.ninjs.pubStatus).toBe('canceled');
    expect(ninjsErrors(p3.ninjs)).toEqual([]);
    expect(p3.html).toContain('Story withdrawn');
    expect(p3.html).toContain('Legal: withdrawn pending review.');
    expect(p3.html).not.toContain(seed.body_paragraphs[0]);
    expect((await listPublishedVersions(env.db, id)).map((v) => [v.version, v.pubStatus, v.publishedByName])).toEqual([
      [1, 'usable', 'Desk Editor'],
      [2, 'usable', 'Desk Editor'],
      [3, 'canceled', 'Desk Editor'],
    ]);
  });

  test('refuses to publish a story in the wrong state', async () => {
    env = await makeEnv();
    const id = await addStory(env, { status: 'draft' });
    await expect(env.publisher.publish(id, env.desk)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(env.publisher.publish(id, env.desk, { kill: { note: 'x' } })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(listTree(path.join(env.dir, 'published'))).toEqual([]);
  });
});

describe('bad input', () => {
  test.each(['../../escape', '../', '/etc/passwd', 'a/b\\c', 'CON', 'nul', '.', '..', '북한 미사일', ''])('hostile slug %j stays inside published/', async (slug) => {
    env = await makeEnv();
    const id = await addStory(env, { slug: slug || 'x' });
    if (!slug) await env.db.run(`UPDATE stories SET slug = '' WHERE id = ?`, id);
    const v = await env.publisher.publish(id, env.desk);
    expect(v.path).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/v1$/);
    const resolved = path.resolve(env.dir, 'published', v.path);
    expect(resolved.startsWith(path.join(env.dir, 'published') + path.sep)).toBe(true);
    expect(fs.readdirSync(env.dir).sort()).toEqual(
      ['newsdesk.db', 'newsdesk.db-shm', 'newsdesk.db-wal', 'published'].filter((f) => fs.existsSync(path.join(env!.dir, f))),
    );
  });

  test('two stories with the same slug never share a folder', async () => {
    env = await makeEnv();
    const a = await addStory(env, { slug: 'same' });
    const b = await addStory(env, { slug: 'SAME' });
    expect((await env.publisher.publish(a, env.desk)).path).toBe('same/v1');
    expect((await env.publisher.publish(b, env.desk)).path).toBe(`same-${b}/v1`);
  });

  test('markup is escaped in HTML and plain in ninjs', async () => {
    env = await makeEnv();
    const evil = '<script>alert("x")</script>';
    const id = await addStory(env, {
      headline: `Head ${evil}`,
      subheadlines: [`Sub <img src=x onerror=alert(1)>`],
      dateline: `<b>SEOUL</b>`,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body ${evil}` }] }] },
    });
    await addPhoto(env, id, {
      file: path.join(FIXTURES, 'photos/security-talks-seoul.jpg'),
      placement: 'lead',
      caption: `Cap ${evil}`,
      credit: `Cred "<i>"`,
      alt: `Alt ${evil}`,
    });
    const v = await env.publisher.publish(id, env.desk);
    const { html, ninjs } = readPackage(env, v.path);
    expect(html).not.toMatch(/<script|<img src=x|<b>SEOUL|<i>"/);
    expect(html).toContain('Head &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Cap &lt;script&gt;');
    expect(html).toContain('alt="Alt &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(ninjs.headlines).toContainEqual({ role: 'main', contentType: 'text/plain', value: `Head ${evil}` });
    expect(ninjs.located).toBe('<b>SEOUL</b>');
    const a = (ninjs.associations as { descriptions: { role: string; value: string }[] }[])[0]!;
    expect(a.descriptions).toContainEqual({ role: 'caption', contentType: 'text/plain', value: `Cap ${evil}` });
    expect((ninjs.bodies as { value: string }[])[0]!.value).toBe('<p>Body &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
    expect(ninjsErrors(ninjs)).toEqual([]);
  });
});

/** A file system that fails the nth write (or any rename) with the given error code. */
function failingFs(opts: { failWriteAt?: number; failRename?: boolean; code: string }): PackageFs {
  let writes = 0;
  return {
    ...nodeFs,
    async writeFile(file, data) {
      writes += 1;
      if (opts.failWriteAt !== undefined && writes >= opts.failWriteAt) throw Object.assign(new Error(`${opts.code}: simulated`), { code: opts.code });
      return nodeFs.writeFile(file, data);
    },
    async rename(from, to) {
      if (opts.failRename) throw Object.assign(new Error(`${opts.code}: simulated`), { code: opts.code });
      return nodeFs.rename(from, to);
    },
  };
}

describe('failure atomicity', () => {
  test.each([
    ['disk full mid-package', { failWriteAt: 3, code: 'ENOSPC' }, /disk is full/],
    ['permission denied on first file', { failWriteAt: 1, code: 'EACCES' }, /permission denied/],
    ['rename refused', { failRename: true, code: 'EPERM' }, /permission denied/],
  ] as const)('%s: no folder, no row, clear error', async (_name, opts, message) => {
    env = await makeEnv({ fs: failingFs(opts) });
    const id = await seedStory(env);
    const error = (await env.publisher.publish(id, env.desk).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/Nothing was published/);
    expect(listTree(path.join(env.dir, 'published'))).toEqual([]);
    expect(await listPublishedVersions(env.db, id)).toEqual([]);
    expect((await getStory(env.db, id))?.status).toBe('approved');
    expect((await getStory(env.db, id))?.publishedVersions).toBe(0);
  });

  test('a read-only published/ folder (chmod; root ignores it, so skipped as root)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    env = await makeEnv();
    const id = await addStory(env, {});
    fs.mkdirSync(path.join(env.dir, 'published'));
    fs.chmodSync(path.join(env.dir, 'published'), 0o555);
    await expect(env.publisher.publish(id, env.desk)).rejects.toMatchObject({ code: 'INTERNAL' });
    fs.chmodSync(path.join(env.dir, 'published'), 0o755);
    expect(await listPublishedVersions(env.db, id)).toEqual([]);
  });

  test('an orphan folder left by a crash (no row) is replaced; a recorded version is never rewritten', async () => {
    env = await makeEnv();
    const id = await addStory(env, { slug: 'orphan' });
    fs.mkdirSync(path.join(env.dir, 'published/orphan/v1'), { recursive: true });
    fs.writeFileSync(path.join(env.dir, 'published/orphan/v1/index.html'), 'half');
    const v = await env.publisher.publish(id, env.desk);
    expect(fs.readFileSync(path.join(env.dir, 'published', v.path, 'index.html'), 'utf8')).toContain('<article>');
  });
});

describe('export', () => {
  test('copies each version to <exportDir>/<slug>/v<N>', async () => {
    env = await makeEnv();
    const out = path.join(env.dir, 'export');
    fs.mkdirSync(out);
    env.exportDir.value = out;
    const id = await seedStory(env);
    const v = await env.publisher.publish(id, env.desk);
    expect(v).toMatchObject({ exportStatus: 'ok', exportError: null });
    expect(listTree(path.join(out, v.path))).toEqual(listTree(path.join(env.dir, 'published', v.path)));
    expect(fs.readFileSync(path.join(out, v.path, 'index.html'))).toEqual(fs.readFileSync(path.join(env.dir, 'published', v.path, 'index.html')));
    expect(fs.readdirSync(out)).toEqual(['kor-jpn-security-talks']);
  });

  test.each([
    ['does not exist', (dir: string) => path.join(dir, 'missing'), /does not exist/],
    ['is a file', (dir: string) => (fs.writeFileSync(path.join(dir, 'file'), 'x'), path.join(dir, 'file')), /is a file, not a folder/],
    ['is relative', () => 'relative/dir', /full path/],
  ] as const)('an export folder that %s: published anyway, export failed with a clear error, retry works', async (_n, make, message) => {
    env = await makeEnv();
    env.exportDir.value = make(env.dir);
    const id = await addStory(env, {});
    const v = await env.publisher.publish(id, env.desk);
    expect(v.exportStatus).toBe('failed');
    expect(v.exportError).toMatch(message);
    expect(await listPublishedVersions(env.db, id)).toHaveLength(1);
    expect(fs.existsSync(path.join(env.dir, 'published', v.path, 'index.html'))).toBe(true);

    const good = path.join(env.dir, 'export-ok');
    fs.mkdirSync(good);
    env.exportDir.value = good;
    const retried = await env.publisher.retryExport(id, 1);
    expect(retried).toMatchObject({ exportStatus: 'ok', exportError: null });
    expect(fs.existsSync(path.join(good, v.path, 'ninjs.json'))).toBe(true);
  });

  test('a copy that fails midway leaves nothing in the export folder and is reported', async () => {
    let failing = false;
    const fsx: PackageFs = {
      ...nodeFs,
      async writeFile(file, data) {
        if (failing && file.includes('export')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeFs.writeFile(file, data);
      },
    };
    env = await makeEnv({ fs: fsx });
    const out = path.join(env.dir, 'export');
    fs.mkdirSync(out);
    env.exportDir.value = out;
    const id = await addStory(env, {});
    failing = true;
    const v = await env.publisher.publish(id, env.desk);
    expect(v).toMatchObject({ version: 1, exportStatus: 'failed' });
    expect(v.exportError).toMatch(/disk is full/);
    expect(fs.readdirSync(out)).toEqual([]);
    failing = false;
    expect((await env.publisher.retryExport(id, 1)).exportStatus).toBe('ok');
  });
});

describe('scheduler', () => {
  test('publishes due stories as the person who scheduled them; not-yet-due ones wait', async () => {
    env = await makeEnv();
    const due = await addStory(env, { slug: 'due', status: 'scheduled' });
    await setStatus(env, due, 'scheduled', { publishAt: '2023-04-17T09:00:00.000Z', scheduledBy: env.desk.id });
    const later = await addStory(env, { slug: 'later', status: 'scheduled' });
    await setStatus(env, later, 'scheduled', { publishAt: '2023-04-18T09:00:00.000Z', scheduledBy: env.desk.id });
    const r = await publishDue(env.services, () => undefined);
    expect(r).toEqual({ published: [due], failed: [] });
    expect(await getStory(env.db, due)).toMatchObject({ status: 'published', publishedVersions: 1, publishAt: null });
    expect((await getStory(env.db, later))?.status).toBe('scheduled');
    const audit = await env.db.all(`SELECT event, actor_id, from_status, to_status FROM audit_events WHERE story_id = ?`, due);
    expect(audit).toEqual([{ event: 'autoPublish', actor_id: env.desk.id, from_status: 'scheduled', to_status: 'published' }]);
    expect(env.events).toContainEqual(expect.objectContaining({ type: 'story.changed', storyId: due, status: 'published' }));
    expect((await listPublishedVersions(env.db, due))[0]?.publishedBy).toBe(env.desk.id);
  });

  test('the timer publishes a story once its time comes while running', async () => {
    env = await makeEnv();
    const id = await addStory(env, { slug: 'timed', status: 'scheduled' });
    await setStatus(env, id, 'scheduled', { publishAt: '2023-04-17T10:00:00.000Z', scheduledBy: env.desk.id });
    const scheduler = startScheduler(env.services, 20);
    try {
      await scheduler.idle();
      expect((await getStory(env.db, id))?.status).toBe('scheduled');
      env.now.value = new Date('2023-04-17T10:00:00.000Z');
      await expect.poll(async () => (await getStory(env!.db, id))?.status, { timeout: 2000 }).toBe('published');
    } finally {
      scheduler.stop();
      await scheduler.idle();
    }
  });
});
