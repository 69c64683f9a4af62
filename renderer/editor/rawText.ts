// The plain text of a body, even one that fails the schema: every `text` string found, a blank
// line between blocks. Used to show a broken body read-only and to compare versions.
export function rawText(doc: unknown): string {
  const blocks: string[] = [];
  let current = '';
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200 || typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof n.text === 'string') current += n.text;
    else if (n.type === 'hardBreak') current += '\n';
    if (Array.isArray(n.content)) {
      const isTextBlock = n.type === 'paragraph' || n.type === 'heading';
      for (const child of n.content) walk(child, depth + 1);
      if (isTextBlock) {
        blocks.push(current);
        current = '';
      }
    } else if (n.type === 'paragraph' || n.type === 'heading') {
      blocks.push(current);
      current = '';
    }
  };
  walk(doc, 0);
  if (current) blocks.push(current);
  return blocks.join('\n\n');
}
