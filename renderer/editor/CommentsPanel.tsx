// Comments on a story: add (anchored to the passage selected in the body), reply, resolve.
// Text is always rendered as text.
import { useEditorState, type Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import type { Comment } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { shortTime } from '../app/format.js';
import { useOfflineControl } from '../newsroom/offline.js';
import { offsetOf, textIndex } from './offsets.js';

function CommentForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  hint,
}: {
  label: string;
  submitLabel: string;
  onSubmit(text: string): Promise<void>;
  onCancel?: () => void;
  hint?: string | null;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        setError(null);
        onSubmit(text.trim())
          .then(() => setText(''))
          .catch((err: unknown) => setError(toUiError(err).message))
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="comment-quote-hint">On “{hint}”</p> : null}
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row-actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function Thread({
  comment,
  replies,
  active,
  onActivate,
  onChanged,
  offline,
}: {
  comment: Comment;
  replies: Comment[];
  active: boolean;
  onActivate(): void;
  onChanged(): void;
  /** Offline on a connected desktop: the reason the buttons are disabled, and the id of the text that says it. */
  offline: { reason: string; id: string } | null;
}) {
  const [replying, setReplying] = useState(false);
  const disabled = offline ? { disabled: true, 'aria-describedby': offline.id } : {};
  const [error, setError] = useState<string | null>(null);
  const resolve = (resolved: boolean) =>
    api.comments
      .resolve({ id: comment.id, resolved })
      .then(onChanged)
      .catch((e: unknown) => setError(toUiError(e).message));
  return (
    <li className={`comment ${active ? 'active' : ''} ${comment.resolved ? 'resolved' : ''}`}>
      <article aria-label={`Comment by ${comment.authorName}`}>
        <header className="comment-head">
          <strong>{comment.authorName}</strong> <span className="muted">{shortTime(comment.createdAt)}</span>
        </header>
        {comment.anchor ? (
          <button type="button" className="comment-quote" onClick={onActivate} aria-pressed={active}>
            “{comment.anchor.quote}”
          </button>
        ) : null}
        <p className="comment-text">{comment.text}</p>
        <ul className="replies">
          {replies.map((r) => (
            <li key={r.id} className="reply">
              <strong>{r.authorName}</strong> <span className="muted">{shortTime(r.createdAt)}</span>
              <p className="comment-text">{r.text}</p>
            </li>
          ))}
        </ul>
        {error ? <p className="error-text">{error}</p> : null}
        {replying ? (
          <CommentForm
            label="Reply"
            submitLabel="Post reply"
            onCancel={() => setReplying(false)}
            onSubmit={async (text) => {
              await api.comments.add({ storyId: comment.storyId, text, parentId: comment.id });
              setReplying(false);
              onChanged();
            }}
          />
        ) : (
          <div className="row-actions">
            {!comment.resolved ? (
              <button type="button" onClick={() => setReplying(true)} {...disabled}>
                Reply
              </button>
            ) : null}
            <button type="button" onClick={() => void resolve(!comment.resolved)} {...disabled}>
              {comment.resolved ? 'Reopen' : 'Resolve'}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

export function CommentsPanel({
  storyId,
  comments,
  editor,
  activeId,
  onActivate,
  onChanged,
}: {
  storyId: number;
  comments: Comment[];
  editor: Editor | null;
  activeId: number | null;
  onActivate(id: number | null): void;
  onChanged(): void;
}) {
  const [showResolved, setShowResolved] = useState(false);
  // Comments are the desk's conversation, kept on the server: offline they are read, not written.
  const { reason, reasonId } = useOfflineControl('comments.add', 'Commenting');
  const offline = reason ? { reason, id: reasonId } : null;
  const selection = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return null;
      const { from, to } = e.state.selection;
      if (to <= from) return null;
      const quote = e.state.doc.textBetween(from, to, '\n\n', '');
      return quote.trim() ? (quote.length > 80 ? `${quote.slice(0, 80)}…` : quote) : null;
    },
  });
  const top = comments.filter((c) => c.parentId === null);
  const open = top.filter((c) => !c.resolved);
  const resolved = top.filter((c) => c.resolved);
  const repliesOf = (id: number) => comments.filter((c) => c.parentId === id);

  const add = async (text: string) => {
    let anchor: { from: number; to: number; quote: string } | undefined;
    if (editor) {
      const { from, to } = editor.state.selection;
      if (to > from) {
        const index = textIndex(editor.state.doc);
        const a = offsetOf(index, from);
        const b = offsetOf(index, to);
        const quote = index.text.slice(a, b);
        if (quote.trim()) anchor = { from: a, to: b, quote: quote.slice(0, 2000) };
      }
    }
    const { comment } = await api.comments.add({ storyId, text, ...(anchor ? { anchor } : {}) });
    if (anchor) onActivate(comment.id);
    onChanged();
  };

  const thread = (c: Comment) => (
    <Thread
      key={c.id}
      comment={c}
      replies={repliesOf(c.id)}
      active={activeId === c.id}
      onActivate={() => onActivate(activeId === c.id ? null : c.id)}
      onChanged={onChanged}
      offline={offline}
    />
  );

  return (
    <div className="comments">
      {offline ? (
        <p id={offline.id} className="offline-reason">
          {offline.reason}
        </p>
      ) : (
        <>
          <CommentForm label="Comment" submitLabel="Add comment" onSubmit={add} hint={selection} />
          {!selection ? <p className="muted small">Select words in the story to comment on them.</p> : null}
        </>
      )}
      {open.length === 0 ? <p className="muted">No open comments.</p> : <ul className="comment-list">{open.map(thread)}</ul>}
      {resolved.length ? (
        <>
          <button type="button" className="link-button" aria-expanded={showResolved} onClick={() => setShowResolved(!showResolved)}>
            Resolved comments ({resolved.length})
          </button>
          {showResolved ? <ul className="comment-list">{resolved.map(thread)}</ul> : null}
        </>
      ) : null}
    </div>
  );
}
