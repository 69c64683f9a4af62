// The text this editor had not saved when the story was taken over, as the core kept it (a
// revision), against the story as it is now, word by word. It can be restored from the history
// once the person may write again.
import { useEffect, useState } from 'react';
import { diffWords } from '../../shared/diff.js';
import type { Story } from '../../shared/domain.js';
import { savedVersionLabel } from '../../shared/historyLabels.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';
import { DiffView } from './DiffView.js';
import { rawText } from './rawText.js';

export function KeptTextDialog({ storyId, revisionId, story, onClose }: { storyId: number; revisionId: number; story: Story; onClose(): void }) {
  const [kept, setKept] = useState<{ headline: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.stories
      .revision({ id: storyId, revisionId })
      .then((r) => !cancelled && setKept({ headline: r.headline, text: rawText(r.body) }))
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message));
    return () => {
      cancelled = true;
    };
  }, [storyId, revisionId]);

  const language = story.language || 'en';
  return (
    <Dialog wide title="Your kept text and the story now" onClose={onClose}>
      <p className="muted">
        Deleted words are in the story now ({savedVersionLabel(story.version)}) only; inserted words are in your kept text only. Once you may edit the story again, you
        can restore your text from its history.
      </p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {kept ? (
        <>
          <h2 className="panel-heading">Headline</h2>
          <DiffView parts={diffWords(story.headline, kept.headline, language)} label="Headline changes" />
          <h2 className="panel-heading">Body</h2>
          <DiffView parts={diffWords(rawText(story.body), kept.text, language)} label="Body changes" />
        </>
      ) : !error ? (
        <p className="muted">Loading your text…</p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
