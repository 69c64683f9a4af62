// The text a reader sees in a fragment of the published HTML: tags dropped, the entities the
// package writer escapes turned back. For comparing a package's paragraphs and captions with the
// seed article's text.

export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
