// "Saving…", "Saved", "Not saved — retrying": the save state in the editor's status line. On a
// connected desktop that is offline a save waits in the outbox: "Saved on this computer".
import { shortTime } from '../app/format.js';
import { useDesktop } from '../newsroom/desktopStore.js';
import { isOffline } from '../newsroom/desktopWords.js';
import type { SaveState } from './autosave.js';

const SAVE_TEXT: Record<SaveState['kind'], string> = {
  clean: '',
  dirty: 'Waiting to save…',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Not saved — retrying',
  conflict: 'Not saved — conflict',
  refused: 'Not saved',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  const offline = useDesktop((s) => isOffline(s.status));
  const text = state.kind === 'saved' && offline ? 'Saved on this computer' : SAVE_TEXT[state.kind];
  return (
    <span
      className={`save-state save-${state.kind}`}
      role="status"
      title={
        state.kind === 'retrying' ? `${state.message} (attempt ${state.attempt})` : state.kind === 'saved' ? `Saved at ${shortTime(state.at.toISOString())}` : undefined
      }
    >
      {text}
    </span>
  );
}
