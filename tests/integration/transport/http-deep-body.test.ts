// A story body nested as deep as a 2 MB request allows, sent over plain HTTP: the bridge parses
// it (JSON.parse does not recurse), the core refuses it with VALIDATION (400) and changes
// nothing, and the server goes on answering.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { createHttpBridge, DEFAULT_BODY_LIMIT, type HttpBridge } from '../../../server/server.js';
import type { Staff, Story } from '../../../shared/domain.js';

let dir: string;
let core: Core;
let bridge: HttpBridge;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-deep-'));
  core = await createCore({ dataDir: dir, demo: true });
  bridge = createHttpBridge(core, { port: 0, staticDir: null });
  base = await bridge.listen();
});

afterAll(async () => {
  await bridge.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(method: string, body: string, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('a deeply nested body over HTTP', () => {
  it('is refused with 400 VALIDATION, changes nothing, and the server keeps answering', async () => {
    const { json: list } = await post('staff.list', '{}');
    const ji = (list.staff as Staff[]).find((s) => s.name === 'Ji Da-gyum')!;
    const { json: session } = await post('session.signIn', JSON.stringify({ staffId: ji.id }));
    const token = session.token as string;
    const { json: created } = await post('stories.create', JSON.stringify({ desk: 'North Korea', headline: 'Deep' }), token);
    const story = created.story as Story;

    // Lists inside list items, as many as fit in the request limit (tens of thousands of levels),
    // written as text: JSON.stringify itself could not write such an object.
    const open = '{"type":"bulletList","content":[{"type":"listItem","content":[';
    const close = ']}]}';
    const prefix = `{"id":${story.id},"baseVersion":${story.version},"changes":{"body":{"type":"doc","content":[`;
    const levels = Math.floor((DEFAULT_BODY_LIMIT - 200) / (open.length + close.length));
    const body = `${prefix}${open.repeat(levels)}{"type":"paragraph"}${close.repeat(levels)}]}}}`;
    expect(levels).toBeGreaterThan(25_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(DEFAULT_BODY_LIMIT);

    const refused = await post('stories.save', body, token);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/nests more than 22 levels deep/) });

    const { status, json } = await post('stories.get', JSON.stringify({ id: story.id }), token);
    expect(status).toBe(200);
    expect((json.story as Story).version).toBe(story.version);
    expect((json.story as Story).body).toEqual(story.body);
  });
});
