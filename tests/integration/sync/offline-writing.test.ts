// Writing on a connected desktop without the server, the hostile way: the process killed in the
// middle of a burst of saves and new stories (what it acknowledged must survive), a save typed
// while the replay is still sending the same story, a save typed after the server applied a
// replayed save whose answer was lost, another person signing in while someone's
// changes wait, and what works and what is refused offline (search in Korean from the copy; a
// workflow move refused with OFFLINE and the words to show).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedNewsroom, type ProxiedNewsroom } from '../../support/proxiedNewsroom.js';
import type { FaultProxy } from '../../support/faultProxy.js';
import { sleep, type NewsdeskProcess } from '../../support/newsdeskCli.js';
import { clientOf, DEMO, doc, refusal, signIn, statusOf, textOf, waitForConnection, waitForSent, waitUntil, type Client } from '../../support/connectedDesktop.js';

let server: NewsdeskProcess;
let proxy: FaultProxy;
let desktop: NewsdeskProcess;
let reporter: Client;
let desk: Client;
const clients: Client[] = [];

let newsroom: ProxiedNewsroom | undefined;

beforeAll(async () => {
  ({ server, proxy, desktop } = newsroom = await startProxiedNewsroom('offline'));
  reporter = await signIn(desktop.url, DEMO.park);
  desk = await signIn(server.url, DEMO.lee);
  clients.push(reporter, desk);
  await waitForConnection(desktop, 'online');
}, 60_000);

afterAll(() => newsroom?.stop(clients));

async function goOffline(): Promise<void> {
  await proxy.setMode('refuse');
  await waitForConnection(desktop, 'offline', 10_000);
}

/** The desktop's client again after a restart (its local session survives; if not, that is a finding of its own). */
async function again(): Promise<Client> {
  const client = clientOf(desktop.url, reporter.tokens.get());
  expect((await client.api.session.current({})).staff?.email, 'the local session survives a restart').toBe(DEMO.park);
  return client;
}

describe('writing offline on a connected desktop', () => {
  it('keeps every save and new story it acknowledged when the process is killed mid-burst', async () => {
    const { story } = await reporter.api.stories.create({ desk: 'National', headline: 'Burst of saves' });
    await goOffline();
    let version = story.version;
    let acked = '';
    let inFlight = '';
    const created: string[] = [];
    let creating: string | null = null;
    let stop = false;
    const burst = (async () => {
      for (let i = 1; !stop; i++) {
        inFlight = `Burst save ${i}.`;
        try {
          version = (await reporter.api.stories.save({ id: story.id, baseVersion: version, changes: { body: doc(inFlight) } })).story.version;
        } catch {
          return;
        }
        acked = inFlight;
        if (i % 5 === 0) {
          creating = `Burst story ${i}`;
          try {
            await reporter.api.stories.create({ desk: 'National', headline: creating, body: doc(`Body of ${creating}.`) });
          } catch {
            return;
          }
          created.push(creating);
          creating = null;
        }
      }
    })();
    await sleep(300 + Math.random() * 700);
    await desktop.stop('SIGKILL');
    stop = true;
    await burst;
    expect(acked, 'saves were made before the kill').not.toBe('');

    await desktop.restart();
    reporter = await again();
    const kept = textOf((await reporter.api.stories.get({ id: story.id })).story.body);
    expect([acked, inFlight], 'the copy holds the last acknowledged save (or the one in flight)').toContain(kept);

    await proxy.setMode('pass');
    await reporter.api.desktop.retry({}).catch(() => undefined);
    await waitForSent(desktop);
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).toBe(kept);
    const mine = (await desk.api.stories.list({ desk: 'National', limit: 200 })).items;
    for (const headline of created)
      expect(
        mine.filter((i) => i.headline === headline),
        headline,
      ).toHaveLength(1);
    if (creating) expect(mine.filter((i) => i.headline === creating).length).toBeLessThanOrEqual(1);
    expect((await reporter.api.desktop.outbox({})).entries).toEqual([]);
  }, 60_000);

  it('sends a save typed while the replay is still sending the same story after it, not over it', async () => {
    const { story } = await reporter.api.stories.create({ desk: 'National', headline: 'Typed during the replay' });
    await goOffline();
    const { story: queued } = await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc('Typed offline.') } });

    // The server's answer to the replayed save is held back a moment; the reporter types on meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let replayed = false;
    proxy.onResponse = async (e) => {
      if (e.path.startsWith('/api/stories.save') && !replayed) {
        replayed = true;
        await held;
      }
    };
    await proxy.setMode('pass');
    void reporter.api.desktop.retry({}).catch(() => undefined);
    await waitUntil(
      'the replayed save to reach the server',
      async () => replayed,
      (r) => r,
      15_000,
    );
    const latest = 'Typed while the first save was on its way.';
    const typing = reporter.api.stories.save({ id: story.id, baseVersion: queued.version, changes: { body: doc(latest) } });
    await sleep(300);
    release();
    await typing;
    proxy.onResponse = null;
    await waitForSent(desktop);

    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).toBe(latest);
    const { revisions } = await desk.api.stories.history({ id: story.id });
    expect(revisions.filter((r) => r.reason === 'conflict')).toEqual([]);
    expect(textOf((await reporter.api.stories.get({ id: story.id })).story.body)).toBe(latest);
    expect((await reporter.api.desktop.outbox({})).entries).toEqual([]);
  }, 60_000);

  it('sends a save typed after the server applied a replayed save whose answer was lost', async () => {
    const { story } = await reporter.api.stories.create({ desk: 'National', headline: 'Answer lost on the way' });
    await goOffline();
    const { story: queued } = await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc('First, typed offline.') } });

    // The server applies the replayed save; its answer never reaches the desktop (a dropped connection).
    let dropped = false;
    proxy.onResponse = async (e) => {
      if (!e.path.startsWith('/api/stories.save') || dropped) return;
      dropped = true;
      // And the network goes with it, so the desktop cannot simply send it again at once.
      await proxy.setMode('refuse');
      return 'drop';
    };
    await proxy.setMode('pass');
    void reporter.api.desktop.retry({}).catch(() => undefined);
    await waitUntil(
      'the replayed save to be applied and its answer lost',
      async () => dropped,
      (d) => d,
      15_000,
    );
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).toBe('First, typed offline.');
    await goOffline();
    proxy.onResponse = null;
    // The desktop has taken the failed attempt back: the entry waits again, sent once already.
    await waitUntil(
      'the entry to wait again after its attempt',
      async () => (await reporter.api.desktop.outbox({})).entries.filter((e) => e.storyId === story.id),
      (entries) => entries.length === 1 && entries[0]!.state === 'waiting' && entries[0]!.attempts >= 1,
      15_000,
    );

    // The reporter types on; when the server is back, this text must arrive too.
    const latest = 'Second, typed after the first had reached the server.';
    await reporter.api.stories.save({ id: story.id, baseVersion: queued.version, changes: { body: doc(latest) } });
    await proxy.setMode('pass');
    await reporter.api.desktop.retry({}).catch(() => undefined);
    await waitForSent(desktop);

    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body), 'the text typed last, on the server').toBe(latest);
    expect(textOf((await reporter.api.stories.get({ id: story.id })).story.body), 'the text typed last, on the desktop').toBe(latest);
    expect((await reporter.api.desktop.outbox({})).entries.filter((e) => e.state === 'waiting')).toEqual([]);
  }, 60_000);

  it('refuses another person signing in while this person’s changes wait, naming whose', async () => {
    const { story } = await reporter.api.stories.create({ desk: 'National', headline: 'Waiting changes' });
    await goOffline();
    await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc('Not sent yet.') } });
    // The server is reachable for the sign-in, but the save the replay sends is held on its way.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    proxy.onRequest = async (e) => {
      if (e.path.startsWith('/api/stories.save')) await held;
    };
    const from = proxy.log.length;
    await proxy.setMode('pass');
    await waitUntil(
      'the replay to start',
      async () => proxy.log.slice(from).some((e) => e.path.startsWith('/api/stories.save')),
      (r) => r,
      15_000,
    );
    const other = await refusal(clientOf(desktop.url).api.session.signIn({ email: DEMO.lee, password: 'newsdesk-demo' }));
    expect(other.message).toContain('Park Soo-hyun');
    expect((await statusOf(desktop)).waiting).toBeGreaterThan(0);
    proxy.onRequest = null;
    release();
    await waitForSent(desktop);
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).toBe('Not sent yet.');
  }, 60_000);

  it('searches the offline copy in Korean and refuses a workflow move with OFFLINE in words', async () => {
    const { story } = await reporter.api.stories.create({ desk: 'National', headline: '국회 예산안 통과' });
    await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc('국회는 금요일 본회의에서 예산안을 통과시켰다.') } });
    await reporter.api.stories.get({ id: story.id });
    await goOffline();
    const found = await reporter.api.stories.list({ query: '예산안' });
    expect(found.items.map((i) => i.id)).toContain(story.id);
    const prefix = await reporter.api.stories.list({ query: '본회의' });
    expect(prefix.items.map((i) => i.id)).toContain(story.id);
    const move = await refusal(reporter.api.stories.transition({ id: story.id, action: 'submit' }));
    expect(move.code).toBe('OFFLINE');
    expect(move.message).toMatch(/needs the newsroom server/);
    expect((await desk.api.stories.get({ id: story.id })).story.status).toBe('draft');
    await proxy.setMode('pass');
    await waitForConnection(desktop, 'online', 15_000);
  }, 60_000);
});
