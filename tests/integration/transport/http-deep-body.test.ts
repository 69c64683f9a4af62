// A story body nested as deep as a 2 MB request allows, sent over plain HTTP: the server parses
// it (JSON.parse does not recurse), the core refuses it with VALIDATION (400) and changes
// nothing, and the server goes on answering.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../core/core.js';
import { DEFAULT_LIMITS, type NewsroomServer } from '../../../server/server.js';
import type { Story } from '../../../shared/domain.js';
import { startTestServer } from './httpTest.js';
import { storageFor } from '../../support/postgres.js';

let dir: string;
let core: Core;
let server: NewsroomServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-deep-'));
  core = await createCore({ dataDir: dir, ...(await storageFor(dir)), demo: true });
  ({ server, base } = await startTestServer(core));
});

afterAll(async () => {
  await server.close();
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
    const { json: session } = await post('session.signIn', JSON.stringify({ email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' }));
    const token = session.token as string;
    const { json: created } = await post('stories.create', JSON.stringify({ desk: 'North Korea', headline: 'Deep' }), token);
    const story = created.story as Story;

    // Lists inside list items, as many as fit in the request limit (tens of thousands of levels),
    // written as text: JSON.stringify itself could not write such an object.
    const open = '{"type":"bulletList","content":[{"type":"listItem","content":[';
    const close = ']}]}';
    const prefix = `{"id":${story.id},"baseVersion":${story.version},"changes":{"body":{"type":"doc","content":[`;
    const levels = Math.floor((DEFAULT_LIMITS.body - 200) / (open.length + close.length));
    const body = `${prefix}${open.repeat(levels)}{"type":"paragraph"}${close.repeat(levels)}]}}}`;
    expect(levels).toBeGreaterThan(25_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(DEFAULT_LIMITS.body);

    const refused = await post('stories.save', body, token);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/nests more than 22 levels deep/) });

    const { status, json } = await post('stories.get', JSON.stringify({ id: story.id }), token);
    expect(status).toBe(200);
    expect((json.story as Story).version).toBe(story.version);
    expect((json.story as Story).body).toEqual(story.body);
  });
});
