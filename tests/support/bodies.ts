// Story bodies for tests of the depth limit, built without recursion (some are 100,000 deep).

import type { DocNode } from '../../shared/domain.js';

/**
 * `lists` lists inside one another, each item a paragraph ("Level n") and then the next list, as
 * the editor makes them with Tab; bullet and numbered lists alternate. Optionally inside a quote.
 */
export function nestedLists(lists: number, opts: { inQuote?: boolean } = {}): DocNode {
  let inner: DocNode | null = null;
  for (let i = lists; i >= 1; i -= 1) {
    const item: DocNode = { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Level ${i}` }] }, ...(inner ? [inner] : [])] };
    inner = { type: i % 2 === 0 ? 'orderedList' : 'bulletList', content: [item] };
  }
  const top = inner ? [inner] : [];
  return { type: 'doc', content: opts.inQuote ? [{ type: 'blockquote', content: top }] : top };
}
