// A save made offline that met a newer version or a broken lock when the outbox sent it: the
// server kept it as a revision and the outbox entry waits in state 'conflict'. The editor shows
// the conflict banner with "mine" = that kept revision and "theirs" = the story as it is now
// (in the editor); Keep mine saves the kept text over theirs, Take theirs leaves the story as
// it is, and either way the entry leaves the outbox. A save refused for good (the story spiked or
// deleted there) is said in the editor too; the outbox view offers its text.
import { useCallback, useEffect, useState } from 'react';
import type { DocNode, OutboxEntry, Story } from '../../../shared/domain.js';
import { api } from '../../api/client.js';
import { toUiError } from '../../app/errors.js';
import { loadOutbox, useDesktop } from '../../newsroom/desktopStore.js';
import type { Autosave } from '../autosave.js';
import type { Loaded } from './useStoryText.js';

export interface KeptText {
  headline: string;
  subheadlines: string[];
  body: DocNode;
}

export interface ReplayConflictDeps {
  storyId: number;
  data: Loaded | null;
  autosave: Autosave;
  applyStory(story: Story, history: boolean): void;
  refresh(applyText: boolean): Promise<unknown>;
  setNotice(notice: string | null): void;
}

/** A save of this story the newsroom refused for good (the story spiked or deleted there): kept on this computer. */
const keptOf = (entries: OutboxEntry[], storyId: number) => entries.find((e) => e.storyId === storyId && e.state === 'kept') ?? null;

const conflictOf = (entries: OutboxEntry[], storyId: number) => entries.find((e) => e.storyId === storyId && e.state === 'conflict' && e.revisionId !== null) ?? null;

export function useReplayConflict({ storyId, data, autosave, applyStory, refresh, setNotice }: ReplayConflictDeps) {
  const entry = useDesktop((s) => conflictOf(s.outbox, storyId));
  const kept = useDesktop((s) => keptOf(s.outbox, storyId));
  const keptId = kept?.id ?? null;
  // What the newsroom made of the story meanwhile (spiked, say) is shown from now on; the text stays in the outbox.
  useEffect(() => {
    if (keptId !== null) void refresh(false).catch(() => undefined);
  }, [keptId, refresh]);
  const [mine, setMine] = useState<KeptText | null>(null);
  const [comparingReplay, setComparingReplay] = useState(false);
  const entryId = entry?.id ?? null;
  const revisionId = entry?.revisionId ?? null;

  useEffect(() => {
    setMine(null);
    if (revisionId === null) return;
    let cancelled = false;
    api.stories
      .revision({ id: storyId, revisionId })
      .then((r) => !cancelled && setMine({ headline: r.headline, subheadlines: r.subheadlines, body: r.body }))
      .catch((e: unknown) => !cancelled && setNotice(`Your kept text could not be read: ${toUiError(e).message}`));
    return () => {
      cancelled = true;
    };
  }, [storyId, revisionId, setNotice]);

  const done = useCallback(async () => {
    if (entryId === null) return;
    await api.desktop.discard({ entryId });
    await loadOutbox();
  }, [entryId]);

  const keepMineReplay = useCallback(async () => {
    const story = data?.story;
    if (!story || !mine) return;
    setComparingReplay(false);
    applyStory({ ...story, headline: mine.headline, subheadlines: mine.subheadlines, body: mine.body }, true);
    autosave.touchAll(['headline', 'subheadlines', 'body']);
    try {
      if (await autosave.resume(story.version)) await done();
    } catch (e) {
      setNotice(toUiError(e).message);
    }
  }, [data, mine, applyStory, autosave, done, setNotice]);

  const takeTheirsReplay = useCallback(async () => {
    setComparingReplay(false);
    try {
      await done();
      await refresh(true);
    } catch (e) {
      setNotice(toUiError(e).message);
    }
  }, [done, refresh, setNotice]);

  return { replayConflict: entry, replayKept: kept, keptMine: mine, comparingReplay, setComparingReplay, keepMineReplay, takeTheirsReplay };
}
