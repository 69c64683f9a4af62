// The editor's extensions, limited to the body schema in shared/bodySchema.ts: paragraph,
// heading, bullet and numbered lists, blockquote, hard break, bold, italic, links and the figure
// node. Anything else (code, strike, images, styles) has no node to land in. Where tiptap's own
// nodes differ from the body schema they take the schema's rule; tests/unit/renderer/schema.test.ts
// holds the schema these extensions build to shared/bodySchema.ts.
import { Blockquote } from '@tiptap/extension-blockquote';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref, isWebHref } from '../../shared/body.js';
import { BODY_NODES, HEADING_LEVELS, LINK_SCHEMES } from '../../shared/bodySchema.js';
import { FindingMarks } from '../copyDesk/findingMarks.js';
import { CommentHighlights } from './commentHighlights.js';
import { DepthLimit } from './depthLimit.js';
import { DeskChangeMarks } from './deskChangeMarks.js';
import { Figure } from './figure.js';

const StoryBlockquote = Blockquote.extend({ content: BODY_NODES.blockquote.content });
const StoryListItem = ListItem.extend({ content: BODY_NODES.listItem.content });

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
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: LINK_SCHEMES.typed,
        protocols: [...LINK_SCHEMES.other],
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isWebHref(url),
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
    // What the desk changed, marked in place while the reporter looks (decorations only as well).
    DeskChangeMarks,
  ];
}
