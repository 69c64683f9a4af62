// Force unlock (someone is working on the story) or Take over (a desk editor claimed it and is
// not working on it now): both need a note saying why.
import { useState } from 'react';
import type { StoryLock } from '../../shared/domain.js';
import { toUiError, type UiError } from '../app/errors.js';
import { NoteDialog } from '../ui/Dialog.js';
import { ActionError } from './WorkflowBar.js';

export function ForceUnlockDialog({
  liveLock,
  busy,
  forceUnlock,
  onClose,
}: {
  liveLock: StoryLock | null;
  busy: boolean;
  /** Unlocks with the note; `unlocked` hears as soon as the core agrees. */
  forceUnlock(note: string, unlocked: () => void): Promise<void>;
  onClose(): void;
}) {
  const [error, setError] = useState<UiError | null>(null);
  return (
    <NoteDialog
      title={liveLock ? 'Force unlock' : 'Take over'}
      message={
        liveLock
          ? `${liveLock.name} may lose unsaved work. Say why you are taking the story over.`
          : 'Say why you are taking the story over from the desk editor who claimed it.'
      }
      confirmLabel={liveLock ? 'Force unlock' : 'Take over'}
      needNote
      danger
      busy={busy}
      error={error ? <ActionError error={error} /> : null}
      onClose={onClose}
      onConfirm={(note) => {
        void forceUnlock(note, onClose).catch((e: unknown) => setError(toUiError(e)));
      }}
    />
  );
}
