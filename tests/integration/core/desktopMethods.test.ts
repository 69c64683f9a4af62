// desktop.* answered by the newsroom's own core (a browser on the server, a script): it is the
// server, online, with no outbox; what only a desktop app does is refused in words and changes
// nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRecordingHarness, refusedUnchanged, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeRecordingHarness();
});
afterAll(async () => {
  await h.close();
});

describe('desktop.* on the newsroom server', () => {
  it('says it is the server, online, with nothing waiting, signed in or not', async () => {
    const expected = {
      mode: 'server',
      chosen: true,
      server: null,
      connection: 'online',
      waiting: 0,
      sending: null,
      lastOnlineAt: h.clock.now.toISOString(),
      needsSignIn: false,
      problem: null,
      clockSkewSeconds: 0,
    };
    expect(await h.call(null, 'desktop.status', {})).toEqual(expected);
    expect(await h.call('ji', 'desktop.status', {})).toEqual(expected);
    expect(await h.call('ji', 'desktop.outbox', {})).toEqual({ entries: [] });
  });

  it('refuses what only a desktop app does, changing nothing', async () => {
    const refusals = [
      await refusedUnchanged(h, null, 'desktop.choose', { mode: 'connected', url: 'https://newsroom.example' }, 'INVALID_STATE'),
      await refusedUnchanged(h, 'ji', 'desktop.choose', { mode: 'local' }, 'INVALID_STATE'),
      await refusedUnchanged(h, 'ji', 'desktop.retry', {}, 'INVALID_STATE'),
      await refusedUnchanged(h, 'ji', 'desktop.resubmit', { entryId: 1 }, 'INVALID_STATE'),
      await refusedUnchanged(h, 'ji', 'desktop.discard', { entryId: 1 }, 'INVALID_STATE'),
    ];
    for (const error of refusals) expect(error.message).toMatch(/^Only the desktop app .+; this is the newsroom server itself\.$/);
    // Signed out, only the status and the choice are open.
    await refusedUnchanged(h, null, 'desktop.outbox', {}, 'UNAUTHENTICATED');
  });
});
