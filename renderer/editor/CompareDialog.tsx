// A conflict's Compare: their saved version against the text in this editor, word by word, with
// Take theirs and Keep mine.
import type { Editor } from '@tiptap/react';
import { diffWords } from '../../shared/diff.js';
import type { DocNode, Story } from '../../shared/domain.js';
import { Dialog } from '../ui/Dialog.js';
import { DiffView } from './DiffView.js';
import { rawText } from './rawText.js';

export function CompareDialog({
  theirs,
  headline,
  editor,
  language,
  keepMine,
  takeTheirs,
  onClose,
}: {
  theirs: Story;
  /** The headline as typed here. */
  headline: string;
  editor: Editor | null;
  language: string;
  keepMine(): Promise<void>;
  takeTheirs(): void;
  onClose(): void;
}) {
  return (
    <Dialog wide title="Compare: their version and yours" onClose={onClose}>
      <p className="muted">Deleted words are in the saved version (v{theirs.version}) only; inserted words are yours only.</p>
      <h2 className="panel-heading">Headline</h2>
      <DiffView parts={diffWords(theirs.headline, headline, language)} label="Headline changes" />
      <h2 className="panel-heading">Body</h2>
      <DiffView parts={diffWords(rawText(theirs.body), editor ? rawText(editor.getJSON() as DocNode) : '', language)} label="Body changes" />
      <div className="dialog-actions">
        <button type="button" onClick={takeTheirs}>
          Take theirs
        </button>
        <button type="button" className="primary" onClick={() => void keepMine()}>
          Keep mine
        </button>
      </div>
    </Dialog>
  );
}
