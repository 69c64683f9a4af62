// Asked before approving while findings stand on the saved story: those to decide before approval
// first (fixed, or dismissed with a note; until then the core refuses, so "Approve anyway" is not
// offered), then the open warnings. Each has "Go to", which closes the dialog and jumps to the
// finding in the text. Cancel changes nothing.
import { useId, type ReactNode } from 'react';
import type { ApprovalReview, FindingClass } from '../../shared/checks/index.js';
import type { Finding } from '../../shared/domain.js';
import { shownAs } from '../copyDesk/FindingItem.js';
import { Dialog } from '../ui/Dialog.js';

function ReviewItem({ finding, onGoTo }: { finding: Finding; onGoTo(f: Finding): void }) {
  const id = useId();
  const shown = shownAs(finding);
  return (
    <li className={shown.className}>
      {/* The group's heading says it to the eye. */}
      <span className="sr-only">{shown.name}: </span>
      <span id={`${id}-msg`} className="finding-message">
        {finding.message}
      </span>
      <button type="button" className="small-button" aria-describedby={`${id}-msg`} onClick={() => onGoTo(finding)}>
        Go to
      </button>
    </li>
  );
}

/** One group, headed and coloured as in the checks panel. */
function ReviewGroup({ kind, title, findings, onGoTo }: { kind: FindingClass; title: string; findings: Finding[]; onGoTo(f: Finding): void }) {
  const headingId = useId();
  if (findings.length === 0) return null;
  return (
    <section className={`findings-group findings-group-${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="findings-heading">
        {title} ({findings.length})
      </h3>
      <ul className="findings approve-review-list">
        {findings.map((f) => (
          <ReviewItem key={f.key} finding={f} onGoTo={onGoTo} />
        ))}
      </ul>
    </section>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function ApproveDialog({
  review,
  busy,
  error,
  onApprove,
  onGoTo,
  onClose,
}: {
  review: ApprovalReview;
  busy: boolean;
  error: ReactNode;
  onApprove(): void;
  onGoTo(finding: Finding): void;
  onClose(): void;
}) {
  const { undecided, warnings } = review;
  const mustDecide = undecided.length > 0;
  return (
    <Dialog title={mustDecide ? 'Decide before approval' : 'Approve with open warnings?'} onClose={onClose} wide>
      {mustDecide ? (
        <p>
          The story cannot be approved until {undecided.length === 1 ? 'this finding is' : `these ${undecided.length} findings are`} decided: fix the text, or dismiss the
          finding in the Checks panel with a note saying why it stands.
        </p>
      ) : (
        <p>The saved story has {count(warnings.length, 'open warning', 'open warnings')}. Approve it as it is, or go to one to deal with it first.</p>
      )}
      <div className="approve-review">
        <ReviewGroup kind="decide" title="Decide before approval" findings={undecided} onGoTo={onGoTo} />
        <ReviewGroup kind="warning" title="Warnings" findings={warnings} onGoTo={onGoTo} />
      </div>
      {error}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-autofocus>
          Cancel
        </button>
        {mustDecide ? null : (
          <button type="button" className="primary" disabled={busy} onClick={onApprove}>
            Approve anyway
          </button>
        )}
      </div>
    </Dialog>
  );
}
