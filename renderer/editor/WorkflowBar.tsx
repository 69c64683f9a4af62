// The workflow bar: one button per action the core allows the signed-in person (allowedActions
// from stories.get; never worked out here), labelled from ACTION_LABELS. Send back, kill and
// correct ask for a note; spike and kill ask for confirmation; schedule asks for a date and time.
// Approve asks first while the saved story has open warnings or findings to decide (ApproveDialog);
// with a blocking finding it goes to the core, whose refusal names what to fix.
import { useId, useRef, useState, type ReactNode } from 'react';
import type { ApprovalReview } from '../../shared/checks/index.js';
import type { Action, Finding } from '../../shared/domain.js';
import { ACTION_LABELS } from '../../shared/workflow.js';
import { findingsOf, type UiError } from '../app/errors.js';
import { useTimeZone, zonedInputToIso, zonedInputValues, zoneOffsetLabel } from '../app/format.js';
import { Dialog, NoteDialog } from '../ui/Dialog.js';
import { useDesktop } from '../newsroom/desktopStore.js';
import { offlineReason } from '../newsroom/desktopWords.js';
import { FindingList } from '../copyDesk/ChecksPanel.js';
import { ApproveDialog } from './ApproveDialog.js';

/** Forward actions first, destructive ones last. */
const ORDER: Action[] = ['submit', 'claim', 'approve', 'publish', 'schedule', 'recall', 'sendBack', 'reopen', 'unschedule', 'correct', 'unspike', 'spike', 'kill'];
const PRIMARY = new Set<Action>(['submit', 'claim', 'approve', 'publish']);
const DANGER = new Set<Action>(['spike', 'kill']);

export type RunAction = (action: Action, opts?: { note?: string; publishAt?: string }) => Promise<boolean>;

export function ActionError({ error }: { error: UiError }) {
  const findings = findingsOf(error.details);
  return (
    <div className="error-banner" role="alert">
      <p>{error.message}</p>
      {findings.length ? <FindingList findings={findings} /> : null}
    </div>
  );
}

function ScheduleDialog({ busy, error, onConfirm, onClose }: { busy: boolean; error: ReactNode; onConfirm(iso: string): void; onClose(): void }) {
  // An hour from now on the hour, on the newsroom's clock: the desk schedules by the time its readers live in.
  const [initial] = useState(() => zonedInputValues(new Date(Date.now() + 60 * 60 * 1000)));
  const zone = useTimeZone((z) => z.zone);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(`${initial.time.slice(0, 2)}:00`);
  const [problem, setProblem] = useState<string | null>(null);
  const dateId = useId();
  const timeId = useId();
  return (
    <Dialog title="Schedule" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const when = zonedInputToIso(date, time);
          if (!when) return setProblem('Enter a date and a time.');
          if (Date.parse(when) <= Date.now()) return setProblem('Choose a time in the future.');
          setProblem(null);
          onConfirm(when);
        }}
      >
        <p>
          The story publishes by itself at this time, in the newsroom’s time zone ({zone}, {zoneOffsetLabel()}).
        </p>
        <div className="field-row">
          <div className="field">
            <label htmlFor={dateId}>Date</label>
            <input id={dateId} type="date" required value={date} onChange={(e) => setDate(e.target.value)} autoFocus />
          </div>
          <div className="field">
            <label htmlFor={timeId}>Time</label>
            <input id={timeId} type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
        </div>
        {problem ? (
          <p className="error-text" role="alert">
            {problem}
          </p>
        ) : null}
        {error}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Schedule
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const NOTE_PROMPTS: Partial<Record<Action, { title: string; message: string }>> = {
  sendBack: { title: 'Send back to the reporter', message: 'Tell the reporter what needs to change. They see this note.' },
  correct: { title: 'Correct the published story', message: 'The correction note is printed with the next published version.' },
  kill: { title: 'Kill the published story', message: 'A kill notice replaces the story wherever it was published. Say why.' },
  spike: { title: 'Spike this story', message: 'The story leaves every queue. A desk editor can unspike it later.' },
};

/** Whether approving asks first: something to decide or weigh, and nothing blocking (the core's refusal says what to fix). */
const asksFirst = (r: ApprovalReview) => r.blocking.length === 0 && (r.undecided.length > 0 || r.warnings.length > 0);

export function WorkflowBar({
  actions,
  run,
  reviewApproval,
  goToFinding,
  pending,
  setPending,
  busy,
  error,
  extra,
}: {
  actions: Action[];
  run: RunAction;
  /** What the core finds open on the saved story, before approving; null when it could not say (the error is shown). */
  reviewApproval(): Promise<ApprovalReview | null>;
  /** Shows a finding in the text (and in the checks panel). */
  goToFinding(finding: Finding): void;
  pending: Action | null;
  setPending(a: Action | null): void;
  busy: boolean;
  error: UiError | null;
  extra?: ReactNode;
}) {
  const sorted = ORDER.filter((a) => actions.includes(a));
  // Offline on a connected desktop every move needs the server: the buttons stay, disabled, and say why.
  const status = useDesktop((st) => st.status);
  const offline = sorted.length > 0 ? offlineReason(status, 'stories.transition', sorted.length === 1 ? ACTION_LABELS[sorted[0] as Action] : 'The workflow') : null;
  const reasonId = useId();
  const dialogError = error ? <ActionError error={error} /> : null;
  const finish = (ok: boolean) => ok && setPending(null);
  const [review, setReview] = useState<ApprovalReview | null>(null);
  // The dialog opens after the check, while Approve is disabled: the focus is given back to it by hand.
  const approveButton = useRef<HTMLButtonElement>(null);

  const approve = async () => {
    const r = await reviewApproval();
    if (!r) return;
    if (!asksFirst(r)) return void run('approve');
    setReview(r);
    setPending('approve');
  };

  let dialog: ReactNode = null;
  if (pending === 'approve' && review) {
    dialog = (
      <ApproveDialog
        review={review}
        busy={busy}
        error={dialogError}
        onClose={() => {
          setPending(null);
          requestAnimationFrame(() => approveButton.current?.focus());
        }}
        onApprove={() => void run('approve').then(finish)}
        onGoTo={(finding) => {
          setPending(null);
          // Once the dialog has closed and handed the focus back: the jump takes it to the text.
          requestAnimationFrame(() => goToFinding(finding));
        }}
      />
    );
  } else if (pending === 'schedule') {
    dialog = (
      <ScheduleDialog busy={busy} error={dialogError} onClose={() => setPending(null)} onConfirm={(publishAt) => void run('schedule', { publishAt }).then(finish)} />
    );
  } else if (pending && NOTE_PROMPTS[pending]) {
    const prompt = NOTE_PROMPTS[pending] as { title: string; message: string };
    const action = pending;
    dialog = (
      <NoteDialog
        title={prompt.title}
        message={prompt.message}
        confirmLabel={ACTION_LABELS[action]}
        needNote={action !== 'spike'}
        danger={DANGER.has(action)}
        busy={busy}
        error={dialogError}
        onClose={() => setPending(null)}
        onConfirm={(note) => void run(action, note ? { note } : {}).then(finish)}
      />
    );
  }

  return (
    <div className="workflow-bar" role="group" aria-label="Workflow">
      {sorted.map((a) => (
        <button
          key={a}
          ref={a === 'approve' ? approveButton : undefined}
          type="button"
          className={PRIMARY.has(a) ? 'primary' : DANGER.has(a) ? 'danger-outline' : ''}
          disabled={busy || offline !== null}
          aria-describedby={offline ? `${reasonId}-${a}` : undefined}
          aria-keyshortcuts={a === 'submit' ? 'Control+Enter' : undefined}
          onClick={() => (a === 'approve' ? void approve() : NOTE_PROMPTS[a] || a === 'schedule' ? setPending(a) : void run(a))}
        >
          {ACTION_LABELS[a]}
        </button>
      ))}
      {extra}
      {offline ? (
        <>
          {/* Each button's own reason, naming it; the one line below says it for the eye. */}
          {sorted.map((a) => (
            <span key={a} id={`${reasonId}-${a}`} hidden>
              {offlineReason(status, 'stories.transition', ACTION_LABELS[a])}
            </span>
          ))}
          <p className="offline-reason">{offline}</p>
        </>
      ) : null}
      {dialog}
    </div>
  );
}
