// "Copy link": the story's full address on the clipboard, to paste to a colleague. Where the
// clipboard refuses (no permission, an older browser), the link is shown selected to copy by hand.
import { useEffect, useRef, useState } from 'react';
import { storyLink } from '../app/route.js';

export function CopyLinkButton({ storyId }: { storyId: number }) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  const field = useRef<HTMLInputElement>(null);
  const link = storyLink(storyId, location.href);

  useEffect(() => {
    if (state === 'refused') field.current?.select();
    if (state !== 'copied') return;
    const t = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(t);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('refused');
    }
  };

  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span className="copy-link-status" role="status">
        {state === 'copied' ? 'Link copied' : ''}
      </span>
      {state === 'refused' ? (
        <label className="copy-link-manual">
          Copy this link
          <input ref={field} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </>
  );
}
