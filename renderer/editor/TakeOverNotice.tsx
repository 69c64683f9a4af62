// Said when the lock this editor held was taken: who has the story now, and where the text typed
// here went (its history, or this computer when the core could not keep it), with a way to see it.
import { Banner } from './Banner.js';
import type { TakeOver } from './session/useTakeOver.js';

export function takeOverMessage(t: TakeOver): string {
  const who = t.self ? `You took this story over on another computer${t.device ? ` (${t.device})` : ''}.` : `${t.name} took over this story.`;
  if (t.kept !== null) return `${who} Your unsaved text was kept in its history.`;
  if (t.keptHere) return `${who} Your unsaved changes are kept on this computer.`;
  return who;
}

export function TakeOverNotice({ takeOver, onCompare, onHistory, onDismiss }: { takeOver: TakeOver; onCompare(): void; onHistory(): void; onDismiss(): void }) {
  return (
    <Banner kind="warning">
      <p>
        <strong>{takeOverMessage(takeOver)}</strong>
      </p>
      <div className="row-actions">
        {takeOver.kept !== null ? (
          <>
            <button type="button" onClick={onCompare}>
              Compare your text
            </button>
            <button type="button" onClick={onHistory}>
              Show history
            </button>
          </>
        ) : null}
        <button type="button" className="quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </Banner>
  );
}
