// Code replacements ("=yna=" → "Yonhap") applied as a photo editor types: pure, so the caret can
// be kept where the person was typing.

export interface CodeReplacement {
  code: string;
  text: string;
}

/** Expands every code in `value`; returns the new text and where the caret moves. */
export function expandCodes(value: string, caret: number, codes: CodeReplacement[]): { value: string; caret: number } {
  let out = value;
  let pos = caret;
  for (const { code, text } of codes) {
    if (!code) continue;
    let at = out.indexOf(code);
    while (at !== -1) {
      out = out.slice(0, at) + text + out.slice(at + code.length);
      if (at < pos) pos = Math.max(at + text.length, pos + text.length - code.length);
      at = out.indexOf(code, at + text.length);
    }
  }
  return { value: out, caret: pos };
}

/** "caption (credit)", the way the seed article prints a photo line. */
export function captionLine(caption: string, credit: string): string {
  const c = caption.trim();
  const k = credit.trim();
  if (!k) return c;
  return c ? `${c} (${k})` : `(${k})`;
}
