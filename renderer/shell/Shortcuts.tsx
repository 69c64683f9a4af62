// The keyboard shortcuts, listed where people can find them: a sidebar button opens the list.
import { useState } from 'react';
import { Dialog } from '../ui/Dialog.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: [`${MOD}+S`], what: 'Save the story now' },
  { keys: [`${MOD}+Enter`], what: 'Submit to desk (when the story can be submitted)' },
  { keys: ['/', `${MOD}+K`], what: 'Search stories' },
  { keys: [`${MOD}+B`], what: 'Bold' },
  { keys: [`${MOD}+I`], what: 'Italic' },
  { keys: ['Ctrl+Alt+2', 'Ctrl+Alt+3'], what: 'Subhead (heading 2, heading 3)' },
  { keys: [`${MOD}+Shift+8`], what: 'Bullet list' },
  { keys: [`${MOD}+Shift+7`], what: 'Numbered list' },
  { keys: [`${MOD}+Shift+B`], what: 'Quote' },
  { keys: ['Shift+Enter'], what: 'Line break inside a paragraph' },
  { keys: [`${MOD}+Z`, `${MOD}+Shift+Z`], what: 'Undo, redo' },
  { keys: ['Esc'], what: 'Close a dialog, the folded story list or story tools; clear the search box' },
];

export function ShortcutsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="quiet shortcuts-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Keyboard shortcuts
      </button>
      {open ? (
        <Dialog title="Keyboard shortcuts" onClose={() => setOpen(false)}>
          <table className="shortcuts">
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.what}>
                  <td>
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i ? ' or ' : null}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td>{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog>
      ) : null}
    </>
  );
}
