// Every API method answers malformed input with VALIDATION or NOT_FOUND and changes nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract.js';
import { draftStory, makeRecordingHarness, type Harness } from '../../support/coreHarness.js';

let h: Harness;
let storyId = 0;
beforeAll(async () => {
  h = await makeRecordingHarness();
  storyId = (await draftStory(h)).id;
});
afterAll(async () => {
  await h.close();
});

const MB = 'x'.repeat(1024 * 1024);

/** Inputs no method accepts: wrong types, unknown fields, 1 MB strings in every common field. */
function badInputs(): unknown[] {
  return [
    'not an object',
    42,
    [],
    { unknownField: true },
    { id: 'one' },
    { id: -1 },
    { id: 1.5 },
    { id: storyId, unknownField: 1 },
    { id: MB },
    { storyId: MB, text: MB },
    { desk: MB, headline: MB },
    { query: MB },
    { staffId: 'ji' },
    { id: storyId, baseVersion: 'two', changes: {} },
    { id: storyId, baseVersion: 2, changes: { headline: MB } },
    { id: storyId, baseVersion: 2, changes: { body: { type: 'script', content: [] } } },
    { id: storyId, baseVersion: 2, changes: { injected: 'x' } },
    { id: storyId, action: 'publishNow' },
    { id: storyId, action: 'sendBack', note: MB },
    { files: 'nope' },
    { ids: [], changes: {} },
    { name: MB, email: 'not-an-email', roles: ['king'] },
    { lockTimeoutMinutes: -5 },
    { lockTimeoutMinutes: 'soon' },
  ];
}

describe('malformed input', () => {
  it.each(METHOD_NAMES)('%s refuses malformed input and changes nothing', async (method) => {
    const before = await h.snapshot();
    for (const input of badInputs()) {
      for (const who of ['ji', 'han'] as const) {
        let code: string | null = null;
        try {
          await h.callRaw(who, method, input);
        } catch (error) {
          code = (error as { code?: string }).code ?? 'THROWN';
        }
        // Some inputs happen to be valid for some methods (e.g. {query} for stories.list):
        // those must succeed or be refused for a reason other than a crash.
        if (code !== null)
          expect(['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE', 'LOCKED', 'CONFLICT'], `${method} ${JSON.stringify(input).slice(0, 80)}`).toContain(code);
      }
    }
    // session.signOut with a bad input leaves sessions alone; nothing else may change either.
    expect(await h.snapshot()).toBe(before);
  });

  it('unknown methods answer NOT_FOUND', async () => {
    for (const name of ['stories.delete', 'nope', '', '__proto__', 'constructor', 'stories.save.extra', 'x'.repeat(10000)]) {
      expect((await h.failsRaw('ji', name, {})).code).toBe('NOT_FOUND');
    }
  });

  it('missing fields and wrong types answer VALIDATION for the core methods', async () => {
    const cases: [string, unknown][] = [
      ['stories.create', {}],
      ['stories.get', {}],
      ['stories.save', { id: storyId }],
      ['stories.save', { id: storyId, baseVersion: 2 }],
      ['stories.transition', { id: storyId }],
      ['stories.lock', {}],
      ['stories.unlock', { id: 'x' }],
      ['stories.history', {}],
      ['stories.diff', { id: storyId, fromRevision: 1 }],
      ['stories.restore', { id: storyId, revisionId: 1 }],
      ['stories.revision', { id: storyId }],
      ['stories.check', { id: null }],
      ['stories.list', { status: ['nonsense'] }],
      ['stories.list', { limit: 100000 }],
      ['comments.add', { storyId }],
      ['comments.resolve', {}],
      ['session.signIn', {}],
      ['staff.create', { name: 'x' }],
      ['staff.update', {}],
      ['settings.update', { lockTimeoutMinutes: 0 }],
    ];
    const before = await h.snapshot();
    for (const [method, input] of cases) expect((await h.failsRaw('han', method, input)).code, method).toBe('VALIDATION');
    expect(await h.snapshot()).toBe(before);
  });
});
