// Saves and creates that happen once. A desktop's outbox sends each save with a saveId and each
// story created offline with a clientId, and sends it again when it cannot know whether the
// first one arrived (a dropped connection, a crash mid-replay). The key is recorded in the same
// transaction as the change, with its outcome, so a repeat finds it and answers as the first did
// without changing anything: the story it saved or made, or the same refusal naming the same
// kept revision. Keys are per person and kept APPLIED_KEYS_KEPT_DAYS: a desktop repeats a call
// within moments of losing its answer, or when it is next online; a save repeated after the key
// is gone meets a version that moved on and is kept as a conflict revision, never applied twice
// (a create repeated that late would make a second story: the outbox drops an entry once answered).
//
// A repeat of a save or create that succeeded answers with the story as it is now, not a copy
// of the first answer: storing every saved story again would double the database's growth, and
// it is the same story unless someone changed it since, which the lock the save took keeps
// others from doing until it lapses or a desk editor breaks it. When someone did, its version
// is later than the one the first answer carried; a later queued save must be based on the
// version the person wrote against, never taken from a repeat's answer.

import type { Id, Story } from '../../shared/domain.js';
import { ApiError, isErrorCode, type ApiErrorBody } from '../../shared/errors.js';
import { findAppliedKey, insertAppliedKey, pruneAppliedKeys, type KeyedMethod } from '../../db/index.js';
import type { CoreServices } from '../services.js';
import { loadStory } from './loadStory.js';

export const APPLIED_KEYS_KEPT_DAYS = 30;

/** What a key's change came to: the story version it made, or the refusal it answered. */
type Outcome = { version: number } | { error: ApiErrorBody };

/** The input field that carries the key, for a VALIDATION error's path. */
const KEY_FIELD: Record<KeyedMethod, string> = { 'stories.save': 'saveId', 'stories.create': 'clientId' };

export interface KeyedCall {
  staffId: Id;
  key: string;
  method: KeyedMethod;
  /** The story a save names; null for a create (it names none yet). */
  storyId: Id | null;
}

/**
 * Inside the write of a keyed call: the answer of the change this key already made, or null when
 * it is new. Throws the recorded refusal for a refused one, and VALIDATION when the person used
 * the key for another method or story (a client bug: nothing is applied).
 */
export async function answerOfRepeat(services: Pick<CoreServices, 'db'>, call: KeyedCall): Promise<{ story: Story } | null> {
  const found = await findAppliedKey(services.db, call.staffId, call.key);
  if (!found) return null;
  const field = KEY_FIELD[call.method];
  if (found.method !== call.method || (call.storyId !== null && found.storyId !== call.storyId)) {
    throw new ApiError('VALIDATION', `This ${field} was already used for another change; each change needs its own.`, [{ path: field, message: 'already used' }]);
  }
  const outcome = found.outcome as Outcome;
  if ('error' in outcome && isErrorCode(outcome.error.code)) throw ApiError.fromBody(outcome.error);
  return { story: await loadStory(services.db, found.storyId) };
}

/** Records, inside the change's own write, that the key was applied and what it came to. */
export async function recordApplied(services: Pick<CoreServices, 'db' | 'now'>, call: KeyedCall & { storyId: Id }, outcome: { story: Story } | ApiError): Promise<void> {
  await insertAppliedKey(services.db, {
    staffId: call.staffId,
    key: call.key,
    method: call.method,
    storyId: call.storyId,
    outcome: (outcome instanceof ApiError ? { error: outcome.toBody() } : { version: outcome.story.version }) satisfies Outcome,
    at: services.now().toISOString(),
  });
}

/** Forgets keys older than the keeping time (the session sweeper calls it); returns how many. */
export async function pruneOldKeys(services: Pick<CoreServices, 'db' | 'now'>): Promise<number> {
  const before = new Date(services.now().getTime() - APPLIED_KEYS_KEPT_DAYS * 24 * 3_600_000).toISOString();
  return await pruneAppliedKeys(services.db, before);
}
