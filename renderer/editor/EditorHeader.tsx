// The editor's top line: status, version, words and reading time, the save state (while the
// text is editable) or "Read only", and Preview, Copy link and Close story.
import type { Story } from '../../shared/domain.js';
import { wordsAndReadingTime } from '../../shared/text.js';
import { StatusBadge } from '../ui/StatusBadge.js';
import type { SaveState } from './autosave.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { SaveIndicator } from './SaveIndicator.js';
import type { LockState } from './session/useStoryLock.js';
import { useOfflineControl } from '../newsroom/offline.js';

export function EditorHeader({
  story,
  words,
  editable,
  lock,
  saveState,
  onPreview,
  onClose,
}: {
  story: Story;
  words: number;
  editable: boolean;
  lock: LockState;
  saveState: SaveState;
  onPreview(): void;
  onClose(): void;
}) {
  // The preview is rendered by the newsroom's core: offline on a connected desktop it cannot be.
  const preview = useOfflineControl('published.preview', 'Preview');
  return (
    <header className="editor-top">
      <div className="editor-status">
        <StatusBadge status={story.status} />
        <span className="muted">
          v{story.version} · {wordsAndReadingTime(words)}
        </span>
        {editable ? <SaveIndicator state={saveState} /> : null}
        {!editable && lock !== 'other' && lock !== 'pending' ? <span className="readonly-tag">Read only</span> : null}
      </div>
      <div className="editor-top-actions">
        <button
          type="button"
          onClick={onPreview}
          disabled={preview.reason !== null}
          aria-describedby={preview.reason ? preview.reasonId : undefined}
          title={preview.reason ?? undefined}
        >
          Preview
        </button>
        {preview.reason ? (
          <span id={preview.reasonId} hidden>
            {preview.reason}
          </span>
        ) : null}
        <CopyLinkButton storyId={story.id} />
        <button type="button" className="quiet" onClick={onClose}>
          Close story
        </button>
      </div>
    </header>
  );
}
