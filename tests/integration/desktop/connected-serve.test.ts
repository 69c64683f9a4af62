// `serve --connect` as real processes (the bundled cli, as the sync tests start it): a newsroom
// server and a desktop connected to it, driven through the desktop's loopback bridge the way its
// renderer is. The person signs in (the desktop keeps the device token; the renderer gets a local
// token), saves go to the server at once; with the server stopped, saves are answered here with
// the version unchanged and wait in the outbox; the desktop says it is offline, and after a
// restart sends them, once.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsdeskApi } from '../../../shared/contract.js';
import type { DesktopStatus } from '../../../shared/domain.js';
import { createHttpApi, memoryTokenStore, type FetchLike } from '../../../shared/httpApi.js';
import { docFromParagraphs } from '../../../shared/body.js';
import { createCore } from '../../../core/core.js';
import { startDesktop, startServer as startNewsroomServer } from '../../support/connectedDesktop.js';
import type { NewsdeskProcess } from '../../support/newsdeskCli.js';
import { storageFor } from '../../support/postgres.js';

const nodeFetch: FetchLike = async (url, init) => {
  const response = await fetch(url, { method: init.method, headers: init.headers, body: init.body, signal: init.signal });
  return { ok: response.ok, status: response.status, text: () => response.text(), body: null };
};

function client(baseUrl: string, token: string | null = null): NewsdeskApi {
  return createHttpApi({ baseUrl, fetch: nodeFetch, tokens: memoryTokenStore(token), events: false });
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let dir: string;
let server: NewsdeskProcess | null = null;
let desktop: NewsdeskProcess | null = null;
let serverUrl: string;
let desktopUrl: string;
/** Ji Da-gyum's session with the desktop, and her story, from the first test on. */
let ji: NewsdeskApi;
let jiId: number;
let storyId: number;

/** The newsroom server on the same folder (and, on the PostgreSQL test backend, the same database) each time, on `port` when given. */
const startServer = (port?: number) => startNewsroomServer(path.join(dir, 'newsroom'), port, ['--no-access-log']);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-connect-'));
  server = await startServer();
  serverUrl = server.url;
  desktop = await startDesktop('desktop', serverUrl, path.join(dir, 'desktop'));
  desktopUrl = desktop.url;
}, 60_000);

afterAll(async () => {
  for (const p of [desktop, server]) await p?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve --connect', () => {
  it('signs in, saves online, queues saves while the server is stopped and sends them once after a restart', async () => {
    expect(desktop!.output()).toContain(`Newsdesk desktop for the newsroom at ${serverUrl}`);
    const anonymous = client(desktopUrl);
    const first = await until('the desktop online', async () => {
      const s = await anonymous.desktop.status({});
      return s.connection === 'online' ? s : null;
    });
    expect(first).toMatchObject({ mode: 'connected', chosen: true, server: { url: serverUrl, pinnedFingerprint: null, certificateChanged: false }, waiting: 0 });

    const signIn = await anonymous.session.signIn({ email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' });
    expect(signIn.staff.name).toBe('Ji Da-gyum');
    ji = client(desktopUrl, signIn.token);
    jiId = signIn.staff.id;
    // The renderer's token is the desktop's own: the server does not know it.
    await expect(client(serverUrl, signIn.token).session.current({})).resolves.toEqual({ staff: null });
    const { sessions } = await ji.session.list({});
    expect(sessions.find((s) => s.current)).toMatchObject({ kind: 'desktop' });

    const { story } = await ji.stories.create({ desk: 'North Korea', headline: '북한 기자회견' });
    storyId = story.id;
    expect(story.id).toBeLessThan(1_000_000);
    const online = await ji.stories.save({ id: story.id, baseVersion: story.version, changes: { body: docFromParagraphs(['Online text.']) } });
    expect(online.story.version).toBe(story.version + 1);

    await server!.stop();
    const offline = await until('the desktop offline', async () => {
      const s = await ji.desktop.status({});
      return s.connection === 'offline' ? s : null;
    });
    expect(offline.problem).toMatch(/refused|did not answer|cut/);

    let version = online.story.version;
    for (const words of ['Written offline.', 'Written offline, more.', 'Written offline, more and more.']) {
      const saved = await ji.stories.save({ id: story.id, baseVersion: version, changes: { body: docFromParagraphs([words]) } });
      // Answered here, its version unchanged, so the editor's autosave goes on.
      expect(saved.story.version).toBe(online.story.version);
      version = saved.story.version;
    }
    expect((await ji.desktop.status({})).waiting).toBe(1);
    const [entry] = (await ji.desktop.outbox({})).entries;
    expect(entry).toMatchObject({ kind: 'save', storyId: story.id, state: 'waiting', baseVersion: online.story.version });
    // Offline, the copy answers: the story with the queued text, and a search of it.
    expect((await ji.stories.get({ id: story.id })).story.body).toEqual(docFromParagraphs(['Written offline, more and more.']));
    expect((await ji.stories.list({ query: '북한' })).items.map((i) => i.id)).toEqual([story.id]);
    await expect(ji.stories.transition({ id: story.id, action: 'submit' })).rejects.toMatchObject({ code: 'OFFLINE' });

    server = await startServer(server!.port);
    const sent = await until('the outbox sent', async () => {
      const s: DesktopStatus = await ji.desktop.status({});
      return s.connection === 'online' && s.waiting === 0 ? s : null;
    });
    expect(sent.needsSignIn).toBe(false);

    // On the server: the offline text, exactly one version more.
    const kim = client(serverUrl);
    await kim.session.signIn({ email: 'minji.kim@heraldcorp.com', password: 'newsdesk-demo' });
    const there = await kim.stories.get({ id: story.id });
    expect(there.story.body).toEqual(docFromParagraphs(['Written offline, more and more.']));
    expect(there.story.version).toBe(online.story.version + 1);
    // The editor, still at the version it had, saves on without a conflict.
    const after = await ji.stories.save({ id: story.id, baseVersion: version, changes: { headline: '북한 기자회견 (속보)' } });
    expect(after.story.version).toBe(online.story.version + 2);
  }, 90_000);

  it('keeps the outbox when the server ends the device session, refuses anyone else, and sends once the person signs in again', async () => {
    const newsroomDir = path.join(dir, 'newsroom');
    await server!.stop();
    await until('the desktop offline', async () => (await ji.desktop.status({})).connection === 'offline');
    const { story } = await ji.stories.get({ id: storyId });
    await ji.stories.save({ id: storyId, baseVersion: story.version, changes: { dateline: 'PANMUNJOM' } });
    expect((await ji.desktop.status({})).waiting).toBe(1);

    // Meanwhile an admin ends Ji's sessions (the laptop was reported lost, say).
    const core = await createCore({ dataDir: newsroomDir, ...(await storageFor(newsroomDir)) });
    const admin = (await core.call(null, 'session.signIn', { email: 'seungwoo.han@heraldcorp.com', password: 'newsdesk-demo' })) as { token: string };
    await core.call(admin.token, 'staff.endSessions', { staffId: jiId });
    await core.close();

    server = await startServer(server!.port);
    const status = await until('the desktop asking to sign in', async () => {
      const s = await client(desktopUrl).desktop.status({});
      return s.needsSignIn ? s : null;
    });
    expect(status).toMatchObject({ waiting: 1, connection: 'online' });
    expect(status.problem).toMatch(/sign in again: 1 change wait/i);
    expect(await ji.session.current({})).toEqual({ staff: null });
    await expect(ji.stories.list({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const kim = client(desktopUrl);
    const refused = await kim.session.signIn({ email: 'minji.kim@heraldcorp.com', password: 'newsdesk-demo' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect((refused as Error).message).toMatch(/by Ji Da-gyum wait on this computer/);

    const again = await client(desktopUrl).session.signIn({ email: 'dagyumji@heraldcorp.com', password: 'newsdesk-demo' });
    ji = client(desktopUrl, again.token);
    await until('the outbox sent', async () => {
      const s = await ji.desktop.status({});
      return s.waiting === 0 && !s.needsSignIn;
    });
    expect((await ji.stories.get({ id: storyId })).story.dateline).toBe('PANMUNJOM');
  }, 90_000);
});
