// A reporter takes a story offline on a connected desktop and loses the network; a desk editor on
// the server breaks the lease and edits the same story. When the desktop is back, both texts are
// kept: the desk's as the story, the reporter's as a revision the server keeps, and the reporter's
// outbox shows the conflict with that revision.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxiedNewsroom, type ProxiedNewsroom } from '../../support/proxiedNewsroom.js';
import { OFFLINE_LEASE_HOURS } from '../../../shared/contract.js';
import type { FaultProxy } from '../../support/faultProxy.js';
import type { NewsdeskProcess } from '../../support/newsdeskCli.js';
import { DEMO, doc, signIn, staffId, textOf, waitForConnection, waitForSent, type Client } from '../../support/connectedDesktop.js';

const JI = 'dagyumji@heraldcorp.com';

let server: NewsdeskProcess;
let proxy: FaultProxy;
let desktop: NewsdeskProcess;
const clients: Client[] = [];

let newsroom: ProxiedNewsroom | undefined;

beforeAll(async () => {
  ({ server, proxy, desktop } = newsroom = await startProxiedNewsroom('lease'));
}, 60_000);

afterAll(() => newsroom?.stop(clients));

describe('a lease broken while the reporter is offline', () => {
  it('keeps both texts and shows the reporter the conflict with the kept revision', async () => {
    const reporter = await signIn(desktop.url, JI);
    const desk = await signIn(server.url, DEMO.kim);
    clients.push(reporter, desk);
    await waitForConnection(desktop, 'online');
    const kimId = await staffId(desk, DEMO.kim);
    const jiId = await staffId(desk, JI);

    // A draft with the desk editor on the byline too, so she may edit it once the lease is broken.
    const { story: created } = await reporter.api.stories.create({ desk: 'North Korea', headline: 'Talks at Panmunjom' });
    const { story: drafted } = await reporter.api.stories.save({
      id: created.id,
      baseVersion: created.version,
      changes: { byline: [{ staffId: jiId }, { staffId: kimId }], body: doc('Delegations met at Panmunjom on Monday.') },
    });
    const { story: leased } = await reporter.api.stories.takeOffline({ id: drafted.id });
    expect(leased.lock).toMatchObject({ staffId: jiId, offline: true });
    const hours = (Date.parse(leased.lock!.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(OFFLINE_LEASE_HOURS - 1);
    // Everyone sees who works offline on it.
    const seen = (await desk.api.stories.get({ id: drafted.id })).story;
    expect(seen.lock).toMatchObject({ name: 'Ji Da-gyum', offline: true });

    await proxy.setMode('refuse');
    await waitForConnection(desktop, 'offline', 10_000);
    let version = leased.version;
    let mine = '';
    for (const n of [1, 2, 3]) {
      mine = `Written offline in the press room, take ${n}. 판문점 회담 ${n}.`;
      version = (await reporter.api.stories.save({ id: drafted.id, baseVersion: version, changes: { body: doc(mine) } })).story.version;
    }

    // The desk breaks the lease, saying why, and edits.
    await desk.api.stories.unlock({ id: drafted.id, note: 'Needed for the 6 pm bulletin.' });
    const { story: deskLocked } = await desk.api.stories.lock({ id: drafted.id });
    const theirs = 'The desk rewrote the lead for the bulletin.';
    await desk.api.stories.save({ id: drafted.id, baseVersion: deskLocked.version, changes: { body: doc(theirs) } });

    await proxy.setMode('pass');
    await reporter.api.desktop.retry({});
    await waitForSent(desktop, 30_000);

    // The server's story is the desk's text; the reporter's text is kept there as a revision.
    const onServer = await desk.api.stories.get({ id: drafted.id });
    expect(textOf(onServer.story.body)).toBe(theirs);
    const { revisions } = await desk.api.stories.history({ id: drafted.id });
    const conflicts = revisions.filter((r) => r.reason === 'conflict');
    expect(conflicts).toHaveLength(1);
    const kept = await desk.api.stories.revision({ id: drafted.id, revisionId: conflicts[0]!.id });
    expect(textOf(kept.body)).toBe(mine);
    expect(kept.revision.authorName).toBe('Ji Da-gyum');

    // The reporter's outbox says what became of the text, with the revision to compare.
    const { entries } = await reporter.api.desktop.outbox({});
    const conflict = entries.filter((e) => e.state === 'conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ kind: 'save', storyId: drafted.id, revisionId: conflicts[0]!.id });
    expect(conflict[0]!.reason).not.toBe('');
    expect((await reporter.api.desktop.status({})).waiting).toBe(0);
    // Online again, the desktop shows the server's story, and the kept text is one call away.
    expect(textOf((await reporter.api.stories.get({ id: drafted.id })).story.body)).toBe(theirs);
    expect(textOf((await reporter.api.stories.revision({ id: drafted.id, revisionId: conflicts[0]!.id })).body)).toBe(mine);
  }, 90_000);
});
