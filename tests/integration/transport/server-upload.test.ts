// The streamed photo upload: POST /api/photos.upload takes one file as the raw body, its name
// percent-encoded in X-File-Name (Korean names survive), counts it against the per-file cap as it
// arrives (413, nothing imported) and hands the bytes to photos.import. The HTTP client sends
// byte files this way one by one and merges the results; base64 JSON stays for scripts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, memoryTokenStore } from '../../../shared/httpApi.js';
import type { FakeCore } from './fakeCore.js';
import { signInAlice, startFakeServer } from './fakeServer.js';
import { bearer } from './httpTest.js';

let core: FakeCore;
let base: string;
let token: string;
let stop: () => Promise<void>;
const CAP = 64 * 1024;

beforeAll(async () => {
  ({ core, base, stop } = await startFakeServer('upload', () => ({ limits: { uploadFile: CAP } })));
  token = await signInAlice(base);
});

afterAll(() => stop());

const upload = (body: Uint8Array | string, headers: Record<string, string>) =>
  fetch(`${base}/api/photos.upload`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...bearer(token), ...headers }, body });

describe('POST /api/photos.upload', () => {
  it('imports the body as one file under its percent-encoded UTF-8 name', async () => {
    const name = '평양 열병식 2024.jpg';
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const res = await upload(bytes, { 'X-File-Name': encodeURIComponent(name) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [{ name, ok: true, kind: 'bytes', length: bytes.length }] });
    const call = core.calls.at(-1)!;
    expect(call.method).toBe('photos.import');
    const file = (call.input as { files: { name: string; data: Uint8Array }[] }).files[0]!;
    expect(file.name).toBe(name);
    expect(file.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(file.data)).toEqual(Buffer.from(bytes));
  });

  it('refuses a file over the cap with 413 naming it, importing nothing, whether declared or streamed', async () => {
    const before = core.calls.length;
    const declared = await upload(new Uint8Array(CAP + 1), { 'X-File-Name': 'big.jpg' });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'VALIDATION', message: 'The request body is larger than the 65536 bytes photos.upload accepts.' } });
    // Sent in pieces with no length given: counted as it arrives.
    const pieces = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(CAP / 2));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/api/photos.upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'big.jpg', ...bearer(token) },
      body: pieces,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(core.calls.length).toBe(before);
  });

  it('needs a name, raw bytes and a session', async () => {
    const before = core.calls.length;
    expect((await upload(new Uint8Array(3), {})).status).toBe(400);
    expect((await upload(new Uint8Array(3), { 'X-File-Name': '%E0%A4%A' })).status).toBe(400);
    expect((await upload('{"files":[]}', { 'X-File-Name': 'a.jpg', 'Content-Type': 'application/json' })).status).toBe(400);
    const anonymous = await fetch(`${base}/api/photos.upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'a.jpg' },
      body: new Uint8Array(3),
    });
    expect(anonymous.status).toBe(401);
    // Raw bytes are taken nowhere else.
    const elsewhere = await fetch(`${base}/api/photos.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...bearer(token) },
      body: new Uint8Array(3),
    });
    expect(elsewhere.status).toBe(400);
    expect(core.calls.length).toBe(before);
  });
});

describe('the HTTP client imports photos', () => {
  it('uploads byte files one by one and merges the results in order; a file over the cap becomes a failed line', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(token), events: false });
    const before = core.calls.length;
    const { results } = await api.photos.import({
      files: [
        { name: '첫째.jpg', data: new Uint8Array([1, 2]) },
        { name: 'too-big.jpg', data: new Uint8Array(CAP + 10) },
        { name: 'scripted.jpg', data: Buffer.from([9, 9, 9]).toString('base64') },
        { name: 'last.jpg', data: new Uint8Array([3]) },
      ],
    });
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['첫째.jpg', true],
      ['too-big.jpg', false],
      ['scripted.jpg', true],
      ['last.jpg', true],
    ]);
    expect(results[1]?.error).toMatch(/larger than the 65536 bytes/);
    expect((results as unknown as { kind?: string }[]).map((r) => r.kind)).toEqual(['bytes', undefined, 'base64', 'bytes']);
    expect(core.calls.slice(before).map((c) => c.method)).toEqual(['photos.import', 'photos.import', 'photos.import']);
  });

  it('sends a photo and its .xmp sidecar in one call, so the core can pair them; the results stay in the order given', async () => {
    const api = createHttpApi({ baseUrl: base, fetch: (url, init) => fetch(url, init), tokens: memoryTokenStore(token), events: false });
    const before = core.calls.length;
    const { results } = await api.photos.import({
      files: [
        { name: '판문점.xmp', data: new TextEncoder().encode('<x:xmpmeta/>') },
        { name: 'alone.jpg', data: new Uint8Array([1]) },
        { name: '판문점.JPG', data: new Uint8Array([2, 2]) },
      ],
    });
    expect(results.map((r) => r.name)).toEqual(['판문점.xmp', 'alone.jpg', '판문점.JPG']);
    const calls = core.calls.slice(before).map((c) => (c.input as { files: { name: string }[] }).files.map((f) => f.name));
    expect(calls).toEqual([['alone.jpg'], ['판문점.JPG', '판문점.xmp']]);
  });
});
