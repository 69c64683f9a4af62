// One open finding in the checks panel: its message (a button that jumps to its first place),
// "2 of 3" to step through its other places, a button per fix, and Dismiss for a desk editor
// (never on a blocking finding; on one to decide before approval, with what that means). Every finding has buttons named alike ("Dismiss", "Previous",
// "Next"), so each is described by its finding's message; a fix that cannot be applied stays
// focusable (aria-disabled) and is described by why, so a keyboard user hears the reason too.
import { useId, useRef, useState } from 'react';
import { findingClass, isDismissable, type FindingClass } from '../../shared/checks/index.js';
import type { Finding, FindingFix, FindingPlace } from '../../shared/domain.js';
import { DismissForm } from './DismissForm.js';

/** What each class of finding is called, wherever one is shown. */
export const CLASS_NAME: Record<FindingClass, string> = { blocking: 'Blocking', decide: 'Decide before approval', warning: 'Warning', info: 'Note' };

/** The class a finding is shown as: its name, and the class names that colour it. */
export function shownAs(finding: Pick<Finding, 'id' | 'severity'>): { kind: FindingClass; name: string; className: string } {
  const kind = findingClass(finding);
  return { kind, name: CLASS_NAME[kind], className: `finding finding-${finding.severity}${kind === 'decide' ? ' finding-decide' : ''}` };
}

export interface FindingActions {
  /** "Body", "Headline", "Caption of lead.jpg": where a place is, in words. */
  placeLabel(place: FindingPlace): string;
  /** Why a fix cannot be applied by this person now, or null. */
  fixBlocker(fix: FindingFix): string | null;
  canDismiss: boolean;
  jump(finding: Finding, place: number): void;
  fix(finding: Finding, fix: FindingFix): void;
  dismiss(finding: Finding, note: string): Promise<void>;
}

/** The id of a finding's message, for the buttons it describes. */
export const messageIdOf = (id: string) => `${id}-msg`;

export function FindingItem({ finding, active, actions }: { finding: Finding; active: boolean; actions: FindingActions }) {
  const id = useId();
  const msgId = messageIdOf(id);
  const whyId = `${id}-why`;
  const [place, setPlace] = useState(0);
  const [dismissing, setDismissing] = useState(false);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const places = finding.places;
  const at = Math.min(place, Math.max(0, places.length - 1));
  const current = places[at];
  const go = (i: number) => {
    if (i < 0 || i >= places.length) return;
    setPlace(i);
    actions.jump(finding, i);
  };
  const fixBlockers = finding.fixes.map((fix) => actions.fixBlocker(fix));
  const reasons = [...new Set(fixBlockers.filter((r): r is string => !!r))];
  const dismissable = actions.canDismiss && isDismissable(finding);
  const shown = shownAs(finding);

  return (
    <li className={`${shown.className}${active ? ' active' : ''}`} data-finding-key={finding.key}>
      {/* Said first by a screen reader moving through the list; the group heading says it to the eye. */}
      <span className="sr-only">{shown.name}: </span>
      {places.length ? (
        <button id={msgId} type="button" className="link-button finding-message" onClick={() => go(at)}>
          {finding.message}
        </button>
      ) : (
        <span id={msgId} className="finding-message">
          {finding.message}
        </span>
      )}
      {places.length > 1 ? (
        <div className="finding-places" role="group" aria-label="Places">
          {/* aria-disabled, not disabled: stepping to the last place must not drop the focus to the page. */}
          <button type="button" className="small-button" aria-disabled={at === 0 ? true : undefined} aria-describedby={msgId} onClick={() => go(at - 1)}>
            Previous
          </button>
          <span className="finding-place-count">
            {at + 1} of {places.length}
          </span>
          <button type="button" className="small-button" aria-disabled={at === places.length - 1 ? true : undefined} aria-describedby={msgId} onClick={() => go(at + 1)}>
            Next
          </button>
        </div>
      ) : null}
      {current && (places.length > 1 || current.field !== 'body') ? <div className="finding-where small muted">{actions.placeLabel(current)}</div> : null}
      {shown.kind === 'decide' ? (
        <p className="finding-decide-why small">Fix it, or dismiss it with a note saying why it stands: the story cannot be approved until then.</p>
      ) : null}
      {finding.fixes.length || dismissable ? (
        <div className="finding-actions">
          {finding.fixes.map((fix, i) => {
            const blocked = !!fixBlockers[i];
            return (
              <button
                key={`${i}-${fix.label}`}
                type="button"
                className="small-button fix-button"
                aria-disabled={blocked ? true : undefined}
                aria-describedby={blocked ? `${whyId} ${msgId}` : msgId}
                onClick={() => {
                  if (!blocked) actions.fix(finding, fix);
                }}
              >
                {fix.label}
              </button>
            );
          })}
          {dismissable && !dismissing ? (
            <button ref={dismissButton} type="button" className="small-button quiet" aria-describedby={msgId} onClick={() => setDismissing(true)}>
              Dismiss
            </button>
          ) : null}
        </div>
      ) : null}
      {reasons.length ? (
        <p id={whyId} className="finding-why small muted">
          {reasons.join(' ')}
        </p>
      ) : null}
      {dismissing && shown.kind !== 'blocking' ? (
        <DismissForm
          kind={shown.kind}
          describedBy={msgId}
          onDismiss={(note) => actions.dismiss(finding, note)}
          onCancel={() => {
            setDismissing(false);
            requestAnimationFrame(() => dismissButton.current?.focus());
          }}
        />
      ) : null}
    </li>
  );
}
