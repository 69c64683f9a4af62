// The editor's extensions, limited to the body schema in shared/body.ts: paragraph, heading 2/3,
// bullet and numbered lists, blockquote, hard break, bold, italic, http/https/mailto links and
// the figure node. Anything else (code, strike, images, styles) has no node to land in.
import { Blockquote } from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from '../../shared/body.js';
import { FindingMarks } from './checks/findingMarks.js';
import { CommentHighlights } from './commentHighlights.js';
import { DepthLimit } from './depthLimit.js';
import { Figure } from './figure.js';

/** A blockquote holds text blocks and lists, never figures or other quotes (as shared/body.ts says). */
const StoryBlockquote = Blockquote.extend({ content: '(paragraph | heading | bulletList | orderedList)+' });
/** A list item is a paragraph, then paragraphs or nested lists. */
const StoryListItem = ListItem.extend({ content: 'paragraph (paragraph | bulletList | orderedList)*' });

/** `onDepthLimit` hears when a paste was flattened, or a change refused, to keep lists within the body's depth limit. */
export function storyExtensions(opts: { onDepthLimit?: (message: string) => void } = {}) {
  return [
    StarterKit.configure({
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      heading: { levels: [2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => /^https?:\/\//i.test(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    StoryBlockquote,
    StoryListItem,
    Figure,
    DepthLimit.configure({ onLimit: opts.onDepthLimit ?? (() => undefined) }),
    CommentHighlights,
    // Copy-check findings underlined in the body (decorations only: nothing enters the document).
    FindingMarks,
  ];
}
