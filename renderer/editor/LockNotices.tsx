// Who has the story when it is not this person: "Locked by NAME" while someone works on it, or
// "Claimed by NAME" when a desk editor claimed it and is not working on it now. A desk editor
// may force unlock or take over. The person's own lock on another computer is said as such, and
// they may take the story over here. A lock taken offline says so: its holder writes without the
// network and sends the text when back; a desk editor may still break it.
import type { Staff, Story } from '../../shared/domain.js';
import { shortTime } from '../app/format.js';
import { Banner } from './Banner.js';
import { offlineHolderWords } from './lockWords.js';
import { useOfflineControl } from '../newsroom/offline.js';
import type { LockElsewhere, LockState } from './session/useStoryLock.js';

export function LockNotices({
  story,
  lock,
  liveLock,
  isDesk,
  me,
  staff,
  elsewhere,
  busy,
  onTakeOver,
  onTakeOverHere,
}: {
  story: Story;
  lock: LockState;
  liveLock: Story['lock'];
  isDesk: boolean;
  me: Staff | null;
  staff: Staff[];
  /** This person's own lock on another computer. */
  elsewhere: LockElsewhere | null;
  busy: boolean;
  onTakeOver(): void;
  onTakeOverHere(): void;
}) {
  // Breaking a lock is the server's to do: offline the button says why.
  const unlock = useOfflineControl('stories.unlock', 'Force unlock');
  const offlineProps = unlock.reason ? { disabled: true, 'aria-describedby': unlock.reasonId, title: unlock.reason } : {};
  return (
    <>
      {unlock.reason ? (
        <span id={unlock.reasonId} hidden>
          {unlock.reason}
        </span>
      ) : null}
      {lock === 'other' && elsewhere ? (
        <Banner kind="warning">
          <strong>You are editing this story on another computer{elsewhere.device ? ` (${elsewhere.device})` : ''}.</strong> Here you can read it but not change the text.
          <button type="button" disabled={busy} onClick={onTakeOverHere}>
            Take over here
          </button>
        </Banner>
      ) : lock === 'other' && liveLock ? (
        <Banner kind="warning">
          {liveLock.offline ? (
            <>
              <strong>{offlineHolderWords(liveLock.name)}</strong> (until {shortTime(liveLock.expiresAt)}). You can read it but not change the text.
            </>
          ) : (
            <>
              <strong>Locked by {liveLock.name}</strong> since {shortTime(liveLock.acquiredAt)}. You can read it but not change the text.
            </>
          )}
          {isDesk ? (
            <button type="button" onClick={onTakeOver} {...offlineProps}>
              Force unlock
            </button>
          ) : null}
        </Banner>
      ) : null}
      {lock !== 'other' && !liveLock && isDesk && story.status === 'editing' && story.claimedBy !== null && story.claimedBy !== me?.id ? (
        <Banner kind="warning">
          <strong>Claimed by {staff.find((p) => p.id === story.claimedBy)?.name ?? 'another desk editor'}</strong>, who is not working on it now. You can read it but not
          change the text.
          <button type="button" onClick={onTakeOver} {...offlineProps}>
            Take over
          </button>
        </Banner>
      ) : null}
    </>
  );
}
