// The checks panel: the copy checks on the text as it stands in the editor, saved or not, grouped
// by class with counts ("Blocking (1)", "Decide before approval (1)", "Warnings (3)", "Notes (2)"), each finding with a jump
// to its place, its fixes and (for a desk editor) Dismiss; dismissed findings in their own
// collapsed group with who set them aside and why. "Check as I type" turns the live run off for
// a slow machine or a long story; "Check now" then runs it. What the core finds on submit or
// approve shows with the refused action in the workflow bar (FindingList below).
// Items are keyed by the finding's key (unique in a story, and kept through edits elsewhere), so
// a re-check that adds or removes other findings leaves a half-typed dismissal note, the place
// shown and the focus where they are. When the finding holding the focus goes (dismissed,
// restored, fixed), the focus moves to the next finding, else the previous, else the group's
// heading or the summary line: a keyboard user carries on through the list.
import { memo, useId, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { findingClass, type FindingClass } from '../../shared/checks/index.js';
import type { Dismissal, Finding } from '../../shared/domain.js';
import { toUiError } from '../app/errors.js';
import { shortTime } from '../app/format.js';
import { FindingItem, shownAs, type FindingActions } from './FindingItem.js';

const GROUPS: { kind: FindingClass; title: string }[] = [
  { kind: 'blocking', title: 'Blocking' },
  { kind: 'decide', title: 'Decide before approval' },
  { kind: 'warning', title: 'Warnings' },
  { kind: 'info', title: 'Notes' },
];

/** A plain list of findings (the core's refusal of approve or publish), most serious first. */
export function FindingList({ findings }: { findings: Finding[] }) {
  return (
    <ul className="findings">
      {findings.map((f) => {
        const shown = shownAs(f);
        return (
          <li key={f.key} className={shown.className}>
            <span className={`sev sev-${shown.kind}`}>{shown.name}</span> <span>{f.message}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Counted as the desk queue counts them (blocking and warnings), with the notes apart. */
function summaryOf(open: Finding[], dismissed: number): string {
  const tail = dismissed ? ` ${dismissed} dismissed.` : '';
  const blocking = open.filter((f) => f.severity === 'blocking').length;
  const counted = open.filter((f) => f.severity !== 'info').length;
  const notes = open.length - counted;
  const noteText = notes ? `; ${notes} note${notes === 1 ? '' : 's'}` : '';
  if (counted === 0) return `No problems found${noteText}.${tail}`;
  return `${counted} finding${counted === 1 ? '' : 's'}, ${blocking} blocking${noteText}.${tail}`;
}

function DismissedItem({
  finding,
  dismissal,
  canRestore,
  restore,
}: {
  finding: Finding;
  dismissal: Dismissal;
  canRestore: boolean;
  restore(key: string): Promise<void>;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <li className={`${shownAs(finding).className} finding-dismissed`} data-finding-key={finding.key}>
      <span className="sr-only">{shownAs(finding).name}: </span>
      <span id={`${id}-msg`} className="finding-message">
        {finding.message}
      </span>
      <p className="dismissal small">
        Dismissed by {dismissal.byName}
        {dismissal.at ? `, ${shortTime(dismissal.at)}` : ''}: <q>{dismissal.note}</q>
      </p>
      {canRestore ? (
        <button
          type="button"
          className="small-button"
          // Focusable while it is sent: a refusal leaves the focus here.
          aria-disabled={busy ? true : undefined}
          aria-describedby={`${id}-msg`}
          onClick={() => {
            if (busy) return;
            setBusy(true);
            setError(null);
            restore(finding.key)
              .catch((e: unknown) => setError(toUiError(e).message))
              .finally(() => setBusy(false));
          }}
        >
          Restore
        </button>
      ) : null}
      {error ? (
        <p className="error-text small" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export interface ChecksPanelProps {
  /** The engine's findings on the editor's text; null before the first run. */
  findings: Finding[] | null;
  dismissals: Dismissal[];
  /** Why the engine could not run, if it could not. */
  error: string | null;
  /** The text changed since the findings were computed and nothing is checking it (checks off). */
  outdated: boolean;
  checking: boolean;
  live: boolean;
  setLive(on: boolean): void;
  checkNow(): void;
  activeKey: string | null;
  /** What the last fix or jump has to say (e.g. that the text changed under it). */
  notice: string | null;
  canRestore: boolean;
  restore(key: string): Promise<void>;
  actions: FindingActions;
}

type ListName = 'open' | 'dismissed';
/** The finding that holds the focus: which list it is in and, for the fallback, its group. */
interface Focused {
  list: ListName;
  key: string;
  kind: FindingClass;
}

/** What to focus in a finding: its message (the jump), else its first control; null if it has none or is gone. */
function focusableIn(root: HTMLElement, list: ListName, key: string): HTMLElement | null {
  const item = root.querySelector<HTMLElement>(`[data-finding-list="${list}"] > li[data-finding-key="${CSS.escape(key)}"]`);
  if (!item) return null;
  return item.querySelector<HTMLElement>('button.finding-message') ?? item.querySelector<HTMLElement>('button, textarea');
}

/**
 * Where the focus goes when the finding holding it has left its list: the next finding as the
 * list was drawn before, else the previous one; then (open findings) the group's heading, or
 * (dismissed ones) the finding just restored among the open ones; else the summary line.
 */
function focusAfterRemoval(root: HTMLElement, gone: Focused, before: string[]): HTMLElement | null {
  const i = before.indexOf(gone.key);
  const candidates = i < 0 ? [] : [...before.slice(i + 1), ...before.slice(0, i).reverse()];
  for (const key of candidates) {
    const el = focusableIn(root, gone.list, key);
    if (el) return el;
  }
  if (gone.list === 'open') {
    const heading = root.querySelector<HTMLElement>(`.findings-group-${gone.kind} > .findings-heading`);
    if (heading) return heading;
  } else {
    const restored = focusableIn(root, 'open', gone.key);
    if (restored) return restored;
  }
  return root.querySelector<HTMLElement>('.checks-summary');
}

/** Memoized: a long story may have hundreds of findings, and the editor re-renders for other reasons (save state, word count). */
export const ChecksPanel = memo(function ChecksPanel(props: ChecksPanelProps) {
  const { findings, dismissals, error, outdated, checking, live, setLive, checkNow, activeKey, notice, canRestore, restore, actions } = props;
  const panelId = useId();
  const byKey = new Map(dismissals.map((d) => [d.key, d]));
  const open = (findings ?? []).filter((f) => !byKey.has(f.key));
  const dismissed = (findings ?? []).filter((f) => byKey.has(f.key));
  const groups = GROUPS.map((g) => ({ ...g, findings: open.filter((f) => findingClass(f) === g.kind) }));

  let summary = findings ? summaryOf(open, dismissed.length) : error ? 'Not checked.' : 'Checking…';
  if (findings && outdated) summary += ' Not checked since your latest changes.';

  // Which finding holds the focus, and the lists' order as last drawn (to find its neighbours once it is gone).
  const rootRef = useRef<HTMLDivElement>(null);
  const focused = useRef<Focused | null>(null);
  const drawn = useRef<Record<ListName, string[]>>({ open: [], dismissed: [] });
  const openKeys = groups.flatMap((g) => g.findings.map((f) => f.key));
  const dismissedKeys = dismissed.map((f) => f.key);
  useLayoutEffect(() => {
    const before = drawn.current;
    drawn.current = { open: openKeys, dismissed: dismissedKeys };
    const gone = focused.current;
    const root = rootRef.current;
    if (!gone || !root || (gone.list === 'open' ? openKeys : dismissedKeys).includes(gone.key)) return;
    focused.current = null;
    // Only when the focus went with the finding (to the page): never pull it from where the person went since.
    const now = document.activeElement;
    if (now && now !== document.body && now.isConnected) return;
    focusAfterRemoval(root, gone, before[gone.list])?.focus();
  });
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('li[data-finding-key]');
    const list = item?.parentElement?.dataset.findingList as ListName | undefined;
    const key = item?.dataset.findingKey;
    const finding = key ? (findings ?? []).find((f) => f.key === key) : undefined;
    focused.current = item && list && key && finding ? { list, key, kind: findingClass(finding) } : null;
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    // Gone elsewhere on purpose (not removed with its finding, which leaves no relatedTarget).
    if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) focused.current = null;
  };

  return (
    <div className="checks-panel" ref={rootRef} onFocus={onFocus} onBlur={onBlur}>
      <div className="checks-controls">
        <label className="check-line">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
          Check as I type
        </label>
        {!live ? (
          <button type="button" className="small-button" onClick={checkNow} disabled={checking}>
            Check now
          </button>
        ) : null}
      </div>
      {/* Focusable from script only: where the focus goes when the last finding is dealt with. */}
      <p className="checks-summary" role="status" tabIndex={-1}>
        {summary}
      </p>
      {notice ? (
        <p className="checks-notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          The copy checks could not run: {error}
        </p>
      ) : null}
      {groups.map(({ kind, title, findings: group }) => {
        if (group.length === 0) return null;
        const headingId = `${panelId}-findings-${kind}`;
        return (
          <section key={kind} className={`findings-group findings-group-${kind}`} aria-labelledby={headingId}>
            <h2 id={headingId} className="findings-heading" tabIndex={-1}>
              {title} ({group.length})
            </h2>
            <ul className="findings" data-finding-list="open">
              {group.map((f) => (
                <FindingItem key={f.key} finding={f} active={f.key === activeKey} actions={actions} />
              ))}
            </ul>
          </section>
        );
      })}
      {dismissed.length ? (
        <details className="findings-group findings-dismissed">
          <summary className="findings-heading">Dismissed ({dismissed.length})</summary>
          <ul className="findings" data-finding-list="dismissed">
            {dismissed.map((f) => (
              <DismissedItem key={f.key} finding={f} dismissal={byKey.get(f.key) as Dismissal} canRestore={canRestore} restore={restore} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
});
