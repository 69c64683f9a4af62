// The body's toolbar: every button named by its visible text, toggles with aria-pressed, and
// the keyboard shortcut each has (the shortcuts themselves come with tiptap's extensions). It keeps
// to one row: on a narrow story the buttons that do not fit go under a "More" button.
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState, type Editor } from '@tiptap/react';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { isSafeHref } from '../../shared/body.js';
import { Dialog } from '../ui/Dialog.js';
import { useToolbarFit } from './useToolbarFit.js';

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

interface Tool {
  label: string;
  /** Buttons of one group sit together; a line parts the groups. */
  group: number;
  run(): void;
  /** For a toggle: whether it is on. */
  pressed?: boolean;
  keys?: string;
  /** Show the shortcut as a tooltip too. */
  tip?: boolean;
  unavailable?: boolean;
  dialog?: boolean;
  className?: string;
}

function ToolButton({ tool, disabled, onRun, index }: { tool: Tool; disabled: boolean; onRun(): void; index?: number }) {
  return (
    <button
      type="button"
      data-tool-index={index}
      className={`tool ${tool.className ?? ''}`}
      aria-pressed={tool.pressed}
      aria-haspopup={tool.dialog ? 'dialog' : undefined}
      aria-keyshortcuts={tool.keys}
      title={tool.tip && tool.keys ? `${tool.label} (${tool.keys.replace(/Control|Meta/, mod === 'Meta' ? '⌘' : 'Ctrl')})` : undefined}
      disabled={disabled || tool.unavailable}
      onClick={onRun}
    >
      {tool.label}
    </button>
  );
}

/** The tools that do not fit on the row: a "More" button that shows them below it. */
function MoreTools({ tools, disabled }: { tools: Tool[]; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLButtonElement>('.tool-more-list button:not(:disabled)')?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  return (
    <div
      ref={wrap}
      className="tool-more"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className="tool" aria-expanded={open} aria-controls={listId} disabled={disabled} onClick={() => setOpen(!open)}>
        More<span aria-hidden="true"> ▾</span>
      </button>
      <div id={listId} className="tool-more-list" role="group" aria-label="More formatting" hidden={!open}>
        {tools.map((t, i) => (
          <Fragment key={t.label}>
            {i > 0 && t.group !== tools[i - 1]?.group ? <span className="tool-sep" aria-hidden="true" /> : null}
            <ToolButton
              tool={t}
              disabled={disabled}
              onRun={() => {
                // The focus waits on More (a dialog gives it back there), unless the tool moves it into the text.
                button.current?.focus();
                setOpen(false);
                t.run();
              }}
            />
          </Fragment>
        ))}
      </div>
    </div>
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
  // In the order they give way to More when the row is short: the last first.
  const tools: Tool[] = [
    { label: 'Bold', group: 0, pressed: s.bold, run: () => chain().toggleBold().run(), keys: `${mod}+B`, tip: true, className: 'tool-bold' },
    { label: 'Italic', group: 0, pressed: s.italic, run: () => chain().toggleItalic().run(), keys: `${mod}+I`, tip: true, className: 'tool-italic' },
    { label: 'Link', group: 0, pressed: s.link, run: () => setLinking(true), dialog: true },
    { label: 'Heading 2', group: 1, pressed: s.h2, run: () => chain().toggleHeading({ level: 2 }).run(), keys: 'Control+Alt+2', tip: true },
    { label: 'Heading 3', group: 1, pressed: s.h3, run: () => chain().toggleHeading({ level: 3 }).run(), keys: 'Control+Alt+3', tip: true },
    { label: 'Bullet list', group: 1, pressed: s.bullet, run: () => chain().toggleBulletList().run(), keys: `${mod}+Shift+8`, tip: true },
    { label: 'Numbered list', group: 1, pressed: s.ordered, run: () => chain().toggleOrderedList().run(), keys: `${mod}+Shift+7`, tip: true },
    { label: 'Quote', group: 1, pressed: s.quote, run: () => chain().toggleBlockquote().run(), keys: `${mod}+Shift+B`, tip: true },
    { label: 'Undo', group: 2, run: () => chain().undo().run(), keys: `${mod}+Z`, unavailable: !s.canUndo },
    { label: 'Redo', group: 2, run: () => chain().redo().run(), keys: `${mod}+Shift+Z`, unavailable: !s.canRedo },
  ];
  const bar = useRef<HTMLDivElement>(null);
  const fit = useToolbarFit(bar, tools.length);
  const shown = tools.slice(0, fit);
  const rest = tools.slice(fit);
  return (
    <div ref={bar} className="toolbar" role="toolbar" aria-label="Formatting">
      {shown.map((t, i) => (
        <Fragment key={t.label}>
          {i > 0 && t.group !== shown[i - 1]?.group ? <span className="tool-sep" aria-hidden="true" /> : null}
          <ToolButton tool={t} disabled={disabled} onRun={t.run} index={i} />
        </Fragment>
      ))}
      {rest.length ? <MoreTools tools={rest} disabled={disabled} /> : null}
      {linking ? <LinkDialog editor={editor} onClose={() => setLinking(false)} /> : null}
    </div>
  );
}
