// The copy desk in the core (the CopyDesk of services.ts): the checks on a saved story (with the desk's dismissals applied)
// and each story's count of open findings for the desk queue. Counting runs after the write
// that changed the story has committed and been acknowledged, batched per tick, so saving never
// waits for the checks; stories never counted (an upgraded database, changed check settings)
// are counted in the background, a small batch at a time.

import { isDismissable, openFindingCounts, pickCheckSettings, runChecks } from '../../shared/checks/index.js';
import type { ChangeEvent, Finding, FindingCounts, Id, Story } from '../../shared/domain.js';
import type { HousePerson } from '../../shared/checks/people.js';
import {
  allPeople,
  checkGeneration,
  getFindingCounts,
  getStory,
  invalidateFindingCounts,
  listDismissals,
  listStoryPhotos,
  setFindingCounts,
  uncountedStoryIds,
} from '../../db/index.js';
import { findingsChanged } from '../changeEvents.js';
import type { CopyDesk, CoreServices } from '../services.js';
import { write } from '../write.js';

/** Stories counted per transaction. */
const BATCH = 5;
/**
 * Background counting (never-counted stories) works in slices of about SLICE_MS, then leaves the
 * core PAUSE_MS to answer calls: an upgraded newsroom of 100,000 stories stays responsive while
 * its queue counts fill in, newest stories first.
 */
const SLICE_MS = 10;
const PAUSE_MS = 30;

type Needs = Pick<CoreServices, 'db' | 'settings' | 'emit'>;

/** The open findings by severity, of findings as CopyDesk.findings gives them (dismissals marked). */
export function openCounts(findings: readonly Finding[]): FindingCounts {
  return openFindingCounts(findings, new Set());
}

export function createCopyDesk(
  services: Needs,
  /** Subscribes to the core's change events (after commit). */
  subscribe: (listener: (e: ChangeEvent) => void) => () => void,
  onError: (error: unknown) => void,
): CopyDesk {
  const { db } = services;
  const pending = new Set<Id>();
  let draining = false;
  let timer: { cancel(): void } | null = null;
  /** A counting pass is under way (it awaits the database). */
  let running = false;
  let stopped = false;
  let waiters: (() => void)[] = [];

  // The people list, read once and kept (one object, so the name check's index is built once)
  // until the check inputs change: recountAll here, or the generation of check inputs in the
  // database moved on (another server process of the newsroom changed the list).
  let people: HousePerson[] | null = null;
  let peopleGeneration = -1;

  const findings = async (story: Story): Promise<Finding[]> => {
    const dismissed = new Map((await listDismissals(db, story.id)).map((d) => [d.key, d]));
    const generation = await checkGeneration(db);
    if (people === null || generation !== peopleGeneration) {
      people = await allPeople(db);
      peopleGeneration = generation;
    }
    return runChecks({ story, photos: await listStoryPhotos(db, story.id), settings: pickCheckSettings(services.settings()), people }).map((f) => {
      const d = dismissed.get(f.key);
      // A blocking finding is never dismissed, whatever an old row says.
      return d && isDismissable(f) ? { ...f, dismissed: d } : f;
    });
  };

  /**
   * Counts the given stories and stores their counts as current in one transaction, with an
   * event for each whose counts changed. A story the checks fail on is reported and stored as
   * "could not be counted", so it never holds up the others (it is counted again when it changes).
   */
  const countNow = async (ids: Id[]): Promise<void> => {
    await write(services, async (events) => {
      for (const id of ids) {
        const before = await getFindingCounts(db, id);
        if (!before) continue;
        let story: Story | undefined;
        let counts: FindingCounts | null = null;
        try {
          story = (await getStory(db, id)) ?? undefined;
          if (story) counts = openCounts(await findings(story));
        } catch (error) {
          onError(error);
        }
        await setFindingCounts(db, id, counts);
        const same = before.counts?.blocking === counts?.blocking && before.counts?.warning === counts?.warning;
        if (story && !same) events.push(findingsChanged(story, 'counted'));
      }
    });
  };

  const settle = (): void => {
    if (timer || running || draining || pending.size > 0) return;
    const w = waiters;
    waiters = [];
    w.forEach((resolve) => resolve());
  };

  const schedule = (delayMs: number): void => {
    if (delayMs === 0) {
      const handle = setImmediate(tick);
      timer = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(tick, delayMs);
      timer = { cancel: () => clearTimeout(handle) };
    }
  };

  async function tick(): Promise<void> {
    timer = null;
    if (stopped) return settle();
    // One pass at a time: a change during a pass is counted by the next one.
    running = true;
    try {
      if (pending.size > 0) {
        // Stories just changed: all of them now, so the queue shows their counts with the change.
        const ids = [...pending];
        pending.clear();
        for (let i = 0; i < ids.length; i += BATCH) await countNow(ids.slice(i, i + BATCH));
      } else if (draining) {
        const start = performance.now();
        do {
          const ids = await uncountedStoryIds(db, BATCH);
          if (ids.length === 0) draining = false;
          else await countNow(ids);
        } while (draining && performance.now() - start < SLICE_MS);
      }
    } catch (error) {
      // The database failed under us: counting stops until the next change (or start) wakes it.
      draining = false;
      onError(error);
    } finally {
      running = false;
    }
    if (!stopped && pending.size > 0) schedule(0);
    else if (!stopped && draining) schedule(PAUSE_MS);
    settle();
  }

  const wake = (): void => {
    if (!timer && !running && !stopped) schedule(0);
  };

  // Every committed change to a story (save, photos, workflow, restore) is counted again.
  const off = subscribe((event) => {
    if (event.type !== 'story.changed' || event.findings) return;
    pending.add(event.storyId);
    wake();
  });

  return {
    findings,
    recountSoon(storyId) {
      pending.add(storyId);
      wake();
    },
    async recountAll() {
      people = null;
      await invalidateFindingCounts(db);
      draining = true;
      wake();
    },
    countUncounted() {
      draining = true;
      wake();
    },
    idle() {
      if (!timer && !running && !draining && pending.size === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    stop() {
      stopped = true;
      off();
      timer?.cancel();
      timer = null;
      pending.clear();
      draining = false;
      settle();
    },
  };
}
