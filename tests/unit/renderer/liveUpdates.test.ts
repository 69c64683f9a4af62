// What an open editor and the house-style screen do with change events from other windows:
// a recount of a story's findings reloads nothing in its editor, a dismissal elsewhere refetches
// only the dismissals; the house-style screen tells an untouched draft from one with edits.
import { describe, expect, it } from 'vitest';
import * as draft from '../../../renderer/admin/houseStyleDraft.js';
import { keptRevisionOf, lockOf, lockTakenAway, storyEventNeed } from '../../../renderer/editor/storyEvents.js';
import type { ChangeEvent, CheckSettings, Status } from '../../../shared/domain.js';

describe('a change event in an open editor', () => {
  const known = { version: 7, status: 'editing' as Status };
  const changed = (extra: Partial<Extract<ChangeEvent, { type: 'story.changed' }>> = {}): ChangeEvent => ({
    type: 'story.changed',
    storyId: 3,
    status: 'editing',
    version: 7,
    ...extra,
  });

  it('a recount of the findings (for the queues) needs nothing, even with a version not seen yet', () => {
    expect(storyEventNeed(changed({ findings: 'counted' }), 3, known)).toBe('nothing');
    expect(storyEventNeed(changed({ findings: 'counted', version: 9 }), 3, known)).toBe('nothing');
  });

  it('a dismissal or restore elsewhere needs the dismissals only', () => {
    expect(storyEventNeed(changed({ findings: 'dismissals' }), 3, known)).toBe('dismissals');
  });

  it('a newer version, a new status or changed photos reload the story; what this window has seen does not', () => {
    expect(storyEventNeed(changed(), 3, known)).toBe('nothing');
    expect(storyEventNeed(changed({ version: 6 }), 3, known)).toBe('nothing');
    expect(storyEventNeed(changed({ version: 8 }), 3, known)).toBe('reload');
    expect(storyEventNeed(changed({ status: 'approved' }), 3, known)).toBe('reload');
    expect(storyEventNeed(changed({ photos: true }), 3, known)).toBe('reload');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: null }, 3, known)).toBe('reload');
  });

  it('the echo of this window’s own save, while it is in flight, is left to the save’s answer', () => {
    expect(storyEventNeed(changed({ version: 8 }), 3, { ...known, saving: true })).toBe('nothing');
    // Unless it says more than a save would: a new status, changed photos.
    expect(storyEventNeed(changed({ version: 8, status: 'approved' }), 3, { ...known, saving: true })).toBe('reload');
    expect(storyEventNeed(changed({ version: 8, photos: true }), 3, { ...known, saving: true })).toBe('reload');
  });

  it('the echo of this window taking or renewing the lock needs nothing; someone else taking it reloads', () => {
    const lock = (staffId: number) => ({ staffId, name: 'x', acquiredAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:30:00Z' });
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(5) }, 3, { ...known, me: 5, takingLock: true })).toBe('nothing');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(6) }, 3, { ...known, me: 5, takingLock: true })).toBe('reload');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(5) }, 3, { ...known, me: 5, takingLock: false })).toBe('reload');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: null }, 3, { ...known, me: 5, takingLock: true })).toBe('reload');
  });

  it('events about other stories, and settings, are not the editor’s business', () => {
    expect(storyEventNeed(changed({ storyId: 4, version: 99 }), 3, known)).toBe('nothing');
    expect(storyEventNeed({ type: 'settings.changed', keys: ['houseStyle'] }, 3, known)).toBe('nothing');
  });

  it('a resync (events were missed) reloads the story', () => {
    expect(storyEventNeed({ type: 'resync' }, 3, known)).toBe('reload');
    expect(storyEventNeed({ type: 'resync' }, 3, { ...known, saving: true })).toBe('reload');
  });

  it('the same person’s lock from another computer is not this window’s echo', () => {
    const lock = (sessionId: number | null) => ({ staffId: 5, name: 'x', acquiredAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:30:00Z', sessionId });
    const mine = { ...known, me: 5, session: 40, takingLock: true };
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(40) }, 3, mine)).toBe('nothing');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(41) }, 3, mine)).toBe('reload');
    // Not knowing either session, a lock naming the person counts as this window's.
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(null) }, 3, mine)).toBe('nothing');
    expect(storyEventNeed({ type: 'lock.changed', storyId: 3, lock: lock(41) }, 3, { ...mine, session: null })).toBe('nothing');
  });
});

describe('the lock this editor held, taken away', () => {
  const lock = (staffId: number, sessionId?: number) => ({
    staffId,
    name: staffId === 5 ? 'Ji Da-gyum' : 'Kim Min-ji',
    acquiredAt: '2026-01-01T00:00:00Z',
    expiresAt: '2026-01-01T00:30:00Z',
    ...(sessionId === undefined ? {} : { sessionId, device: 'Firefox on Windows' }),
  });
  const holding = { held: true, moving: false, me: 5, session: 40 };

  it('by another person, or by the same person on another computer', () => {
    expect(lockTakenAway(lock(6), holding)).toBe(true);
    expect(lockTakenAway(lock(6, 77), holding)).toBe(true);
    expect(lockTakenAway(lock(5, 41), holding)).toBe(true);
  });

  it('not by this window’s own lock, nor when this editor held none', () => {
    expect(lockTakenAway(lock(5, 40), holding)).toBe(false);
    expect(lockTakenAway(lock(5), holding)).toBe(false);
    expect(lockTakenAway(lock(6), { ...holding, held: false })).toBe(false);
    expect(lockTakenAway(null, { ...holding, held: false })).toBe(false);
  });

  it('gone is taken unless this editor’s own action (submit, approve…) let it go', () => {
    expect(lockTakenAway(null, holding)).toBe(true);
    expect(lockTakenAway(null, { ...holding, moving: true })).toBe(false);
    // A move never hands the lock to someone else.
    expect(lockTakenAway(lock(6), { ...holding, moving: true })).toBe(true);
  });

  it('reads the holder from a LOCKED refusal and the revision a refused save was kept as', () => {
    expect(lockOf({ lock: lock(5, 41) })).toMatchObject({ staffId: 5, sessionId: 41, device: 'Firefox on Windows' });
    expect(lockOf({ lock: { staffId: 'x' } })).toBeNull();
    expect(lockOf(null)).toBeNull();
    expect(lockOf('LOCKED')).toBeNull();
    expect(keptRevisionOf({ lock: lock(6), keptAsRevision: 12 })).toBe(12);
    expect(keptRevisionOf({ currentVersion: 9, revisionId: 13 })).toBe(13);
    expect(keptRevisionOf({ keptAsRevision: '12' })).toBeNull();
    expect(keptRevisionOf({ keptAsRevision: 0 })).toBeNull();
    expect(keptRevisionOf(undefined)).toBeNull();
  });
});

describe('the house-style screen and another window’s save', () => {
  const saved: CheckSettings = {
    headlineMaxChars: 90,
    sentenceMaxWords: 45,
    houseStyle: [
      { preferred: 'North Korea', avoid: ['N. Korea'], where: 'body' },
      { preferred: '북한', avoid: ['북괴'], where: 'everywhere', note: '통일부 표기' },
    ],
  };

  it('a draft as loaded is untouched, whatever its React keys', () => {
    expect(draft.isUntouched(draft.draftOf(saved), saved)).toBe(true);
  });

  it('a draft with an edit is not; typing the same text back makes it untouched again', () => {
    const d = draft.draftOf(saved);
    const edited = { ...d, rules: d.rules.map((r, i) => (i === 1 ? { ...r, note: '통일부 표기법' } : r)) };
    expect(draft.isUntouched(edited, saved)).toBe(false);
    expect(draft.isUntouched({ ...d, headlineMaxChars: '80' }, saved)).toBe(false);
    expect(draft.isUntouched({ ...d, rules: d.rules.slice(1) }, saved)).toBe(false);
    expect(draft.isUntouched({ ...edited, rules: d.rules }, saved)).toBe(true);
  });

  it('settings compare by what they say (a missing note is an empty one)', () => {
    const copy: CheckSettings = JSON.parse(JSON.stringify(saved)) as CheckSettings;
    expect(draft.sameSettings(saved, copy)).toBe(true);
    expect(draft.sameSettings(saved, { ...copy, houseStyle: [{ ...copy.houseStyle[0]!, note: '' }, copy.houseStyle[1]!] })).toBe(true);
    expect(draft.sameSettings(saved, { ...copy, sentenceMaxWords: 46 })).toBe(false);
    expect(draft.sameSettings(saved, { ...copy, houseStyle: [...copy.houseStyle].reverse() })).toBe(false);
  });

  it('listens for the settings it edits only', () => {
    expect([...draft.HOUSE_STYLE_KEYS].sort()).toEqual(['headlineMaxChars', 'houseStyle', 'sentenceMaxWords']);
  });
});
