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

/**
 * The conflict banner for a save made offline that the server could not apply (a newer version,
 * or the lock broken meanwhile): the server kept it as a revision, the editor shows the story as
 * it is now, and the person decides as with any conflict.
 */
export function ReplayConflictNotice({
  theirs,
  ready,
  editable,
  onCompare,
  keepMine,
  takeTheirs,
}: {
  theirs: Story;
  /** The kept text is loaded. */
  ready: boolean;
  /** Keep mine saves over theirs, so it needs the text to be editable here. */
  editable: boolean;
  onCompare(): void;
  keepMine(): Promise<void>;
  takeTheirs(): Promise<void>;
}) {
  return (
    <Banner kind="error">
      <p>
        <strong>Your changes made offline were not applied.</strong> Someone saved a newer version of this story (v{theirs.version}) or took it over while you were
        offline. Your text is kept in its history.
      </p>
      <div className="row-actions">
        <button type="button" disabled={!ready} onClick={onCompare}>
          Compare
        </button>
        <button type="button" className="primary" disabled={!ready || !editable} onClick={() => void keepMine()}>
          Keep mine
        </button>
        <button type="button" onClick={() => void takeTheirs()}>
          Take theirs
        </button>
      </div>
    </Banner>
  );
}
