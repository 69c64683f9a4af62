// The editor's word count, counted exactly as the core counts a saved story
// (countWords(plainBody(body)) in core/stories/storyText.ts), so the queue row and the editor agree.
// It counts paragraph by paragraph: the same total, since bodyText joins paragraphs with a blank
// line and a line break never joins two words, but Intl.Segmenter in V8 is super-linear on one
// long string (a 10,000-word body: ~2 s as one string, ~10 ms by paragraph).
import { bodyParagraphs } from '../../shared/body.js';
import type { DocNode } from '../../shared/domain.js';
import { countWords } from '../../shared/text.js';

// The core strips control characters before counting (storyText.ts plainBody); so does this.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function count(text: string, language: string): number {
  try {
    return countWords(text, language);
  } catch {
    // An unknown language tag counts as English, as the core does.
    return countWords(text, 'en');
  }
}

export function countBodyWords(body: DocNode, language: string): number {
  let n = 0;
  for (const paragraph of bodyParagraphs(body)) n += count(paragraph.replace(CONTROL, ' '), language);
  return n;
}
