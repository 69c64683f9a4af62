// The body: the lead photo and the tiptap editor, or, for a body that does not match the story
// format, its problems and its plain text, read-only (nothing is changed).
import type { Editor } from '@tiptap/react';
import type { DocNode } from '../../shared/domain.js';
import { Banner } from './Banner.js';
import { BodyEditor } from './BodyEditor.js';
import { LeadPhoto } from './figure.js';
import { rawText } from './rawText.js';

export function StoryBody({
  stored,
  initial,
  problems,
  editable,
  lang,
  onReady,
  onChange,
  onNotice,
}: {
  /** The body as saved: shown as plain text when it does not match the format. */
  stored: DocNode;
  /** The body the editor starts from. */
  initial: DocNode;
  problems: string[];
  editable: boolean;
  lang: string;
  onReady(editor: Editor | null): void;
  onChange(editor: Editor): void;
  onNotice(message: string): void;
}) {
  if (problems.length) {
    return (
      <section className="body-invalid" aria-label="Story body (cannot be edited)">
        <Banner kind="error">
          <p>
            <strong>This story's body does not match the story format, so it is shown read-only as plain text.</strong> Nothing has been changed.
          </p>
          <ul>
            {problems.slice(0, 5).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Banner>
        <pre className="raw-body">{rawText(stored)}</pre>
      </section>
    );
  }
  return (
    <>
      <LeadPhoto />
      <BodyEditor initial={initial} editable={editable} lang={lang} onReady={onReady} onChange={onChange} onNotice={onNotice} />
    </>
  );
}
