// The word count and the live copy checks. Both read the editor's JSON, the very thing a save
// sends: words as the core counts them (so the queue row agrees) and the copy checks on the
// local, unsaved story (sent to the worker with the document it came from, so its marks land on
// the right words later). The core runs the same engine on submit, approve and publish, and
// keeps the desk's dismissals.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocNode } from '../../../shared/domain.js';
import { anchorOf, useLiveChecks } from '../../copyDesk/useLiveChecks.js';
import { countBodyWords } from '../../../shared/text.js';
import { NO_DISMISSALS, type StoryText } from './useStoryText.js';

export function useAnalysis({ data, dataRef, fieldsRef, editorRef }: Pick<StoryText, 'data' | 'dataRef' | 'fieldsRef' | 'editorRef'>) {
  const [words, setWords] = useState(0);
  const analyzeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const analyzeIdle = useRef<number | null>(null);

  const checks = useLiveChecks(editorRef, data?.dismissals ?? NO_DISMISSALS);
  const runChecksOn = checks.check;

  // `force`: check even with "Check as I type" off (Check now, a fix, new settings).
  const analyzeNow = useCallback(
    (force = false) => {
      const d = dataRef.current;
      const f = fieldsRef.current;
      if (!d || !f) return;
      const e = editorRef.current;
      const live = e && !e.isDestroyed ? e : null;
      // A body that fails the schema has no editor: count and check the stored body.
      const body = live ? (live.getJSON() as DocNode) : d.story.body;
      const language = d.story.language || 'en';
      setWords(countBodyWords(body, language));
      runChecksOn({ story: { ...d.story, ...f, body }, photos: d.photos }, anchorOf(live), force);
    },
    [runChecksOn, dataRef, fieldsRef, editorRef],
  );
  const checkNow = useCallback(() => analyzeNow(true), [analyzeNow]);
  // A moment after typing stops, in idle time: a 10,000-word body must not cost a keystroke's frame.
  const analyzeSoon = useCallback(() => {
    if (analyzeTimer.current) clearTimeout(analyzeTimer.current);
    if (analyzeIdle.current !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(analyzeIdle.current);
    analyzeIdle.current = null;
    analyzeTimer.current = setTimeout(() => {
      analyzeTimer.current = null;
      if (typeof requestIdleCallback === 'function') {
        analyzeIdle.current = requestIdleCallback(
          () => {
            analyzeIdle.current = null;
            analyzeNow();
          },
          { timeout: 500 },
        );
      } else analyzeNow();
    }, 300);
  }, [analyzeNow]);
  // Photo captions and credits are checked too: re-check when the story's photos change.
  const photos = data?.photos;
  useEffect(() => {
    if (photos) analyzeSoon();
  }, [photos, analyzeSoon]);
  useEffect(
    () => () => {
      if (analyzeTimer.current) clearTimeout(analyzeTimer.current);
      if (analyzeIdle.current !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(analyzeIdle.current);
    },
    [],
  );
  // New limits or house style (loaded, or saved by the desk): the findings change with them.
  const checkSettings = checks.settings;
  useEffect(() => {
    checkNow();
  }, [checkSettings, checkNow]);
  // "Check as I type" turned back on: catch up with what was typed meanwhile.
  const checkLive = checks.live;
  useEffect(() => {
    if (checkLive) analyzeSoon();
  }, [checkLive, analyzeSoon]);

  return { checks, words, setWords, analyzeNow, analyzeSoon, checkNow };
}
