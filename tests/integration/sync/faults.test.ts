// A connected desktop meeting a newsroom's bad days, through a proxy the test controls: a server
// that answers 500 to everything, a device session an admin ended while the desktop was away, a
// story spiked on the server while the reporter edited it offline, and a clock hours wrong. Each
// gets a clear word in desktop.status or the outbox, and nothing typed is lost.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedNewsroom, type ProxiedNewsroom } from '../../support/proxiedNewsroom.js';
import type { FaultProxy } from '../../support/faultProxy.js';
import type { NewsdeskProcess } from '../../support/newsdeskCli.js';
import {
  DEMO,
  doc,
  refusal,
  signIn,
  staffId,
  startDesktop,
  statusOf,
  textOf,
  waitForConnection,
  waitForSent,
  waitUntil,
  type Client,
} from '../../support/connectedDesktop.js';

const JI = 'dagyumji@heraldcorp.com';

let dir: string;
let server: NewsdeskProcess;
let proxy: FaultProxy;
let desktop: NewsdeskProcess;
let reporter: Client;
let admin: Client;
let desk: Client;
const clients: Client[] = [];

let newsroom: ProxiedNewsroom | undefined;

beforeAll(async () => {
  ({ dir, server, proxy, desktop } = newsroom = await startProxiedNewsroom('faults'));
  reporter = await signIn(desktop.url, DEMO.park);
  admin = await signIn(server.url, DEMO.han);
  desk = await signIn(server.url, DEMO.lee);
  clients.push(reporter, admin, desk);
  await waitForConnection(desktop, 'online');
}, 60_000);

afterAll(() => newsroom?.stop(clients));

/** A draft of the reporter's, written online. */
async function draft(headline: string): Promise<{ id: number; version: number }> {
  await proxy.setMode('pass');
  await waitForConnection(desktop, 'online', 15_000);
  const { story } = await reporter.api.stories.create({ desk: 'National', headline });
  return { id: story.id, version: story.version };
}

/** Saves `texts` one after another, each on the version the last answered; returns the last version. */
async function type(id: number, version: number, texts: string[]): Promise<number> {
  for (const t of texts) version = (await reporter.api.stories.save({ id, baseVersion: version, changes: { body: doc(t) } })).story.version;
  return version;
}

describe('a connected desktop when things go wrong', () => {
  it('keeps saves while the server answers 500, says so, and sends them once it recovers', async () => {
    const story = await draft('Power cut at the port');
    await proxy.setMode('error500');
    const last = 'The port lost power at noon; cranes stood still for two hours.';
    await type(story.id, story.version, ['The port lost power.', last]);
    const troubled = await waitUntil(
      'the desktop to report the failing server',
      () => statusOf(desktop),
      (s) => s.connection !== 'online' && s.problem !== null,
      15_000,
    );
    expect(troubled.waiting).toBeGreaterThan(0);
    expect(troubled.problem).toMatch(/\S/);
    // Nothing was lost while it failed: the desktop still shows the text, the outbox holds it.
    expect(textOf((await reporter.api.stories.get({ id: story.id })).story.body)).toBe(last);
    // The first save was sent and answered 500, so it may have been applied: the second waits in an entry of its own.
    expect((await reporter.api.desktop.outbox({})).entries.filter((e) => e.storyId === story.id && e.state === 'waiting')).toHaveLength(2);
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).not.toBe(last);

    await proxy.setMode('pass');
    await reporter.api.desktop.retry({});
    await waitForSent(desktop);
    expect((await statusOf(desktop)).problem).toBeNull();
    const onServer = (await desk.api.stories.get({ id: story.id })).story;
    expect(textOf(onServer.body)).toBe(last);
    expect(onServer.version - story.version).toBeLessThanOrEqual(2);
  }, 60_000);

  it('keeps the outbox when an admin ended the device session, asks to sign in, then sends it', async () => {
    const story = await draft('Ferry timetable changes');
    await proxy.setMode('refuse');
    await waitForConnection(desktop, 'offline', 10_000);
    const last = 'Ferries to Jeju leave an hour later from Monday.';
    await type(story.id, story.version, ['Ferries change.', last]);

    // The admin ends every session of the reporter's, the desktop's device session among them.
    const parkId = await staffId(admin, DEMO.park);
    const before = await admin.api.staff.sessions({ staffId: parkId });
    expect(before.sessions.some((s) => s.kind === 'desktop')).toBe(true);
    await admin.api.staff.endSessions({ staffId: parkId });

    await proxy.setMode('pass');
    await reporter.api.desktop.retry({}).catch(() => undefined);
    const asked = await waitUntil(
      'the desktop to ask for a sign-in',
      () => statusOf(desktop),
      (s) => s.needsSignIn,
      15_000,
    );
    expect(asked.waiting).toBeGreaterThan(0);
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).not.toBe(last);

    // Signing in again (same person) sends what waited.
    reporter = await signIn(desktop.url, DEMO.park);
    clients.push(reporter);
    await waitForSent(desktop);
    expect((await statusOf(desktop)).needsSignIn).toBe(false);
    expect(textOf((await desk.api.stories.get({ id: story.id })).story.body)).toBe(last);
    // The new device session is listed for the admin like any other.
    expect((await admin.api.staff.sessions({ staffId: parkId })).sessions.filter((s) => s.kind === 'desktop')).toHaveLength(1);
  }, 60_000);

  it('keeps the text of a story spiked while it was edited offline, and resubmits it as a new story', async () => {
    const story = await draft('Mayor to resign');
    await proxy.setMode('refuse');
    await waitForConnection(desktop, 'offline', 10_000);
    const last = 'The mayor said on Tuesday she would not resign after all.';
    await type(story.id, story.version, [last]);
    // The desk spikes it meanwhile (breaking the reporter's lock first, as it must).
    await desk.api.stories.unlock({ id: story.id, note: 'The mayor resigned after all; spiking.' });
    await desk.api.stories.transition({ id: story.id, action: 'spike' });

    await proxy.setMode('pass');
    await reporter.api.desktop.retry({}).catch(() => undefined);
    await waitForSent(desktop);
    const { entries } = await reporter.api.desktop.outbox({});
    const kept = entries.filter((e) => e.state === 'kept');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ kind: 'save', storyId: story.id });
    expect(kept[0]!.reason).toMatch(/spiked/i);
    // What the person copies is their own text, not the server's.
    expect(kept[0]!.text).toBe(`Mayor to resign\n\n${last}`);
    expect((await desk.api.stories.get({ id: story.id })).story.status).toBe('spiked');

    const { story: again } = await reporter.api.desktop.resubmit({ entryId: kept[0]!.id });
    expect(again.id).not.toBe(story.id);
    const onServer = (await desk.api.stories.get({ id: again.id })).story;
    expect(textOf(onServer.body)).toBe(last);
    expect(onServer.status).toBe('draft');
    expect((await reporter.api.desktop.outbox({})).entries.filter((e) => e.state === 'kept')).toEqual([]);
    // Resubmitting twice makes no second story.
    const twice = await refusal(reporter.api.desktop.resubmit({ entryId: kept[0]!.id }));
    expect(twice.code).toBe('NOT_FOUND');
  }, 60_000);

  it('says how far a desktop clock five hours fast is off, and its offline work arrives with the server’s times', async () => {
    const FAST_MS = 5 * 3_600_000;
    await proxy.setMode('pass');
    const fast = await startDesktop('desktop with a fast clock', proxy.url, path.join(dir, 'fast-clock'), { clockOffsetMs: FAST_MS });
    try {
      const ji = await signIn(fast.url, JI);
      clients.push(ji);
      const online = await waitForConnection(fast, 'online');
      const skew = await waitUntil(
        'the clock skew to be known',
        () => statusOf(fast),
        (s) => s.clockSkewSeconds !== null,
        10_000,
      );
      expect(Math.abs(skew.clockSkewSeconds! - FAST_MS / 1000), `skew reported: ${skew.clockSkewSeconds} s`).toBeLessThanOrEqual(5);
      expect(online.connection).toBe('online');

      // An ordinary lock (minutes long by the server's clock) on the reporter's own draft: five
      // hours on this computer's clock must not make the desktop think it has lapsed.
      const { story } = await ji.api.stories.create({ desk: 'North Korea', headline: 'Clocks in Pyongyang' });
      await proxy.setMode('refuse');
      await waitForConnection(fast, 'offline', 10_000);
      const last = 'Written on a laptop whose clock is five hours fast.';
      await ji.api.stories.save({ id: story.id, baseVersion: story.version, changes: { body: doc(last) } });
      expect(textOf((await ji.api.stories.get({ id: story.id })).story.body)).toBe(last);

      await proxy.setMode('pass');
      await ji.api.desktop.retry({}).catch(() => undefined);
      await waitForSent(fast);
      const onServer = (await desk.api.stories.get({ id: story.id })).story;
      expect(textOf(onServer.body)).toBe(last);
      // The server's clock stamps the change, not the laptop's.
      expect(Math.abs(Date.parse(onServer.updatedAt) - Date.now())).toBeLessThan(120_000);
      expect((await ji.api.desktop.outbox({})).entries).toEqual([]);
    } finally {
      await fast.stop('SIGKILL');
    }
  }, 60_000);
});
