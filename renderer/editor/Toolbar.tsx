// The body's toolbar: every button named by its visible text, toggles with aria-pressed, and
// the keyboard shortcut each has (the shortcuts themselves come with tiptap's extensions).
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState, type Editor } from '@tiptap/react';
import { useState } from 'react';
import { isSafeHref } from '../../shared/body.js';
import { Dialog } from '../ui/Dialog.js';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control';

function LinkDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    let url = href.trim();
    if (url && !/^[a-z]+:/i.test(url)) url = url.includes('@') ? `mailto:${url}` : `https://${url}`;
    if (!url) {
      setError('Type the address the link goes to.');
      return;
    }
    // Only web and mail addresses: javascript:, data:, vbscript:, file: and the like are refused.
    if (!isSafeHref(url)) {
      setError('Links must start with http://, https:// or mailto:.');
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !current) {
      // Nothing selected: insert the address itself as the linked text.
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    }
    onClose();
  };
  return (
    <Dialog title="Link" onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <div className="field">
          <label htmlFor="link-href">Link address</label>
          <input
            id="link-href"
            type="url"
            value={href}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'link-href-error' : undefined}
            onChange={(e) => (setHref(e.target.value), setError(null))}
            placeholder="https://"
          />
        </div>
        {error ? (
          <p className="error-text" role="alert" id="link-href-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {current ? (
            <button
              type="button"
              onClick={() => {
                editor.chain().focus().extendMarkRange('link').unsetLink().run();
                onClose();
              }}
            >
              Remove link
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Apply
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Toolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const [linking, setLinking] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      // Runs on every transaction: the history depth says the same as can().undo()/redo() without
      // building a command chain on each keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
    }),
  });
  const chain = () => editor.chain().focus();
  const toggle = (label: string, pressed: boolean, run: () => void, keys: string, extraClass = '') => (
    <button
      type="button"
      className={`tool ${extraClass}`}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={`${label} (${keys.replace(/Control|Meta/, mod === 'Meta' ? '⌘' : 'Ctrl')})`}
      disabled={disabled}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {toggle('Bold', s.bold, () => chain().toggleBold().run(), `${mod}+B`, 'tool-bold')}
      {toggle('Italic', s.italic, () => chain().toggleItalic().run(), `${mod}+I`, 'tool-italic')}
      <button type="button" className="tool" aria-pressed={s.link} aria-haspopup="dialog" disabled={disabled} onClick={() => setLinking(true)}>
        Link
      </button>
      <span className="tool-sep" aria-hidden="true" />
      {toggle('Heading 2', s.h2, () => chain().toggleHeading({ level: 2 }).run(), 'Control+Alt+2')}
      {toggle('Heading 3', s.h3, () => chain().toggleHeading({ level: 3 }).run(), 'Control+Alt+3')}
      {toggle('Bullet list', s.bullet, () => chain().toggleBulletList().run(), `${mod}+Shift+8`)}
      {toggle('Numbered list', s.ordered, () => chain().toggleOrderedList().run(), `${mod}+Shift+7`)}
      {toggle('Quote', s.quote, () => chain().toggleBlockquote().run(), `${mod}+Shift+B`)}
      <span className="tool-sep" aria-hidden="true" />
      <button type="button" className="tool" aria-keyshortcuts={`${mod}+Z`} disabled={disabled || !s.canUndo} onClick={() => chain().undo().run()}>
        Undo
      </button>
      <button type="button" className="tool" aria-keyshortcuts={`${mod}+Shift+Z`} disabled={disabled || !s.canRedo} onClick={() => chain().redo().run()}>
        Redo
      </button>
      {linking ? <LinkDialog editor={editor} onClose={() => setLinking(false)} /> : null}
    </div>
  );
}
