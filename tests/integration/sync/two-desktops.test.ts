// Two connected desktops and one newsroom server, each its own process: a reporter submits on
// desktop A and the desk editor's queue on desktop B shows the story within a second, through B's
// own event stream (the server's events, passed on by B's shell); and when B was offline while it
// happened, B's queue answers from its copy meanwhile and is told to catch up when B is back.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.js';
import type { NewsdeskProcess } from '../../support/newsdeskCli.js';
import { DEMO, doc, signIn, startDesktop, startServer, waitForConnection, waitUntil, type Client } from '../../support/connectedDesktop.js';

let dir: string;
let server: NewsdeskProcess;
let desktopA: NewsdeskProcess;
let desktopB: NewsdeskProcess;
/** B reaches the server through it, so B alone can lose the network. */
let networkB: FaultProxy;
const clients: Client[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-sync-two-'));
  server = await startServer(path.join(dir, 'server'));
  networkB = await startFaultProxy(server.url);
  [desktopA, desktopB] = await Promise.all([startDesktop('desktop A', server.url, path.join(dir, 'a')), startDesktop('desktop B', networkB.url, path.join(dir, 'b'))]);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all([desktopA, desktopB, server].map((p) => p?.stop('SIGKILL')));
  await networkB?.close();
  rmSync(dir, { recursive: true, force: true });
});

let reporter: Client;
let desk: Client;

describe('two desktops and one server', () => {
  it('a submit on desktop A is in the desk queue of desktop B within a second', async () => {
    reporter = await signIn(desktopA.url, DEMO.park);
    desk = await signIn(desktopB.url, DEMO.lee);
    clients.push(reporter, desk);
    await Promise.all([waitForConnection(desktopA, 'online'), waitForConnection(desktopB, 'online')]);

    const headline = `Ferries sail again ${Date.now()}`;
    const { story } = await reporter.api.stories.create({ desk: 'National', headline });
    await reporter.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc('Ferries between the mainland and the islands sailed again.') } });

    const queue = () => desk.api.stories.list({ status: ['submitted'], desk: 'National' });
    expect((await queue()).items.map((i) => i.headline)).not.toContain(headline);

    // B's queue refetches when its event stream says the story changed, as the renderer does.
    let submittedAt = 0;
    const shown = new Promise<number>((resolve) => {
      desk.listen((event) => {
        if (event.type !== 'story.changed' || event.status !== 'submitted') return;
        void queue().then(({ items }) => {
          if (items.some((i) => i.headline === headline)) resolve(performance.now());
        });
      });
    });
    // Let B's stream open before the submit (a queue shown on screen has its stream open).
    await new Promise((r) => setTimeout(r, 500));
    submittedAt = performance.now();
    await reporter.api.stories.transition({ id: story.id, action: 'submit' });
    const seenAt = await Promise.race([shown, new Promise<number>((r) => setTimeout(() => r(Number.POSITIVE_INFINITY), 5_000))]);
    expect(seenAt - submittedAt, 'ms from the submit on A to the row in B’s queue').toBeLessThan(1_000);

    // Both desktops and the server agree on the story.
    const onServer = await (await signIn(server.url, DEMO.lee)).api.stories.list({ status: ['submitted'], desk: 'National' });
    expect(onServer.items.filter((i) => i.headline === headline)).toHaveLength(1);
    expect((await reporter.api.stories.get({ id: story.id })).story.status).toBe('submitted');
  }, 60_000);

  it('catches up when B comes back: its queue answered from the copy meanwhile, then told what it missed', async () => {
    const queue = () => desk.api.stories.list({ status: ['submitted'], desk: 'National' });
    const before = await queue();
    await networkB.setMode('refuse');
    await waitForConnection(desktopB, 'offline', 10_000);
    const fromCopy = await queue();
    expect(fromCopy.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));

    const headline = `Bridge reopens ${Date.now()}`;
    const { story } = await reporter.api.stories.create({ desk: 'National', headline, body: doc('The bridge over the Han reopened on Friday.') });
    await reporter.api.stories.transition({ id: story.id, action: 'submit' });
    expect((await queue()).items.map((i) => i.headline)).not.toContain(headline);

    const seen = desk.events.length;
    await networkB.setMode('pass');
    await waitForConnection(desktopB, 'online', 15_000);
    // B's renderer hears of what it missed (the story, or a resync to refetch everything) without a reload.
    await waitUntil(
      'B to be told of the story it missed',
      async () => desk.events.slice(seen),
      (events) => events.some((e) => e.type === 'resync' || (e.type === 'story.changed' && e.status === 'submitted' && e.storyId === story.id)),
      10_000,
    );
    expect((await queue()).items.map((i) => i.headline)).toContain(headline);
  }, 60_000);
});
