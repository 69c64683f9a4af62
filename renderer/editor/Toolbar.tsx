// The body's toolbar: every button named by its visible text, toggles with aria-pressed, and
// the keyboard shortcut each has (the shortcuts themselves come with tiptap's extensions).
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
    if (!isSafeHref(url)) {
      setError('Links must start with http://, https:// or mailto:.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    onClose();
  };
  return (
    <Dialog title="Link" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <div className="field">
          <label htmlFor="link-href">Link address</label>
          <input id="link-href" type="url" value={href} autoFocus onChange={(e) => setHref(e.target.value)} placeholder="https://" />
        </div>
        {error ? (
          <p className="error-text" role="alert">
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
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
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
      <button type="button" className="tool" aria-pressed={s.link} disabled={disabled} onClick={() => setLinking(true)}>
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
      <button
        type="button"
        className="tool"
        aria-keyshortcuts={`${mod}+Shift+Z`}
        disabled={disabled || !s.canRedo}
        onClick={() => chain().redo().run()}
      >
        Redo
      </button>
      {linking ? <LinkDialog editor={editor} onClose={() => setLinking(false)} /> : null}
    </div>
  );
}
