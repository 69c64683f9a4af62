// Unsaved changes found on this computer from an earlier session, not based on this version (or
// not editable now): offered back, or discarded.
import { shortTime } from '../app/format.js';
import { Banner } from './Banner.js';
import type { LocalCopy } from './localCopy.js';

export function LocalCopyNotice({ offer, editable, restore, discard }: { offer: LocalCopy; editable: boolean; restore(copy: LocalCopy): void; discard(): void }) {
  return (
    <Banner kind="warning">
      <p>You have unsaved changes to this story from {shortTime(offer.savedAt)}.</p>
      <div className="row-actions">
        {editable ? (
          <button type="button" className="primary" onClick={() => restore(offer)}>
            Restore my changes
          </button>
        ) : null}
        <button type="button" onClick={discard}>
          Discard them
        </button>
      </div>
    </Banner>
  );
}
