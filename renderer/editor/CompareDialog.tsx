// A conflict's Compare: their saved version against mine (the text in this editor, or the text
// kept from an offline save), word by word, with Take theirs and Keep mine.
import { diffWords } from '../../shared/diff.js';
import type { Story } from '../../shared/domain.js';
import { Dialog } from '../ui/Dialog.js';
import { DiffView } from './DiffView.js';
import { rawText } from './rawText.js';

/** "Mine" as plain text: the headline and the body. */
export interface MyText {
  headline: string;
  text: string;
}

export function CompareDialog({
  theirs,
  mine,
  language,
  keepMine,
  takeTheirs,
  onClose,
}: {
  theirs: Story;
  mine: MyText;
  language: string;
  keepMine(): Promise<void>;
  takeTheirs(): void;
  onClose(): void;
}) {
  return (
    <Dialog wide title="Compare: their version and yours" onClose={onClose}>
      <p className="muted">Deleted words are in the saved version (v{theirs.version}) only; inserted words are yours only.</p>
      <h2 className="panel-heading">Headline</h2>
      <DiffView parts={diffWords(theirs.headline, mine.headline, language)} label="Headline changes" />
      <h2 className="panel-heading">Body</h2>
      <DiffView parts={diffWords(rawText(theirs.body), mine.text, language)} label="Body changes" />
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
