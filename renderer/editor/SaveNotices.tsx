// What stands between the text and the server: a conflict (Compare, Keep mine, Take theirs), a
// refusal (Try again) or a failure being retried. The text is never taken out of the editor.
import type { Story } from '../../shared/domain.js';
import type { SaveState } from './autosave.js';
import { Banner } from './Banner.js';

export function SaveNotices({
  saveState,
  conflict,
  onCompare,
  keepMine,
  takeTheirs,
  retrySave,
}: {
  saveState: SaveState;
  /** Their version, once fetched. */
  conflict: Story | null;
  onCompare(): void;
  keepMine(): Promise<void>;
  takeTheirs(): void;
  retrySave(): void;
}) {
  if (saveState.kind === 'conflict') {
    return (
      <Banner kind="error">
        <p>
          <strong>Your changes are not saved.</strong> Someone saved a newer version of this story
          {conflict ? ` (v${conflict.version})` : ''} while you were editing. Your text is still here.
        </p>
        <div className="row-actions">
          <button type="button" disabled={!conflict} onClick={onCompare}>
            Compare
          </button>
          <button type="button" className="primary" disabled={!conflict} onClick={() => void keepMine()}>
            Keep mine
          </button>
          <button type="button" disabled={!conflict} onClick={takeTheirs}>
            Take theirs
          </button>
        </div>
      </Banner>
    );
  }
  if (saveState.kind === 'refused') {
    return (
      <Banner kind="error">
        <p>
          <strong>Your changes are not saved:</strong> {saveState.error.message} Your text is still here and kept on this computer.
        </p>
        <button type="button" onClick={retrySave}>
          Try again
        </button>
      </Banner>
    );
  }
  if (saveState.kind === 'retrying') {
    return <Banner kind="warning">Cannot save right now ({saveState.message}). Retrying; your text is safe in the editor and on this computer.</Banner>;
  }
  return null;
}
