// A labelled text field (input or textarea) that expands code replacements as the person types.
import { useEffect, useId, useRef, type ChangeEvent } from 'react';
import { expandCodes, type CodeReplacement } from './codes.js';

export function CodeField({
  label,
  value,
  onChange,
  codes = [],
  multiline = false,
  maxLength,
  hint,
  disabled = false,
  focusRange,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  codes?: CodeReplacement[];
  multiline?: boolean;
  maxLength?: number;
  hint?: string;
  disabled?: boolean;
  /** Focus the field and select these characters (a jump from a copy-check finding); a new object each time. */
  focusRange?: { from: number; to: number } | null;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!focusRange || !el) return;
    el.scrollIntoView({ block: 'nearest' });
    el.focus();
    el.setSelectionRange(Math.min(focusRange.from, el.value.length), Math.min(focusRange.to, el.value.length));
  }, [focusRange]);

  const handle = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    const caret = el.selectionStart ?? el.value.length;
    const next = codes.length ? expandCodes(el.value, caret, codes) : { value: el.value, caret };
    onChange(next.value);
    if (next.value !== el.value) {
      // Put the caret after the expansion once React has written the new value.
      requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
    }
  };

  const common = {
    id,
    value,
    onChange: handle,
    disabled,
    maxLength,
    'aria-describedby': hint ? hintId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea ref={ref} rows={4} {...common} /> : <input ref={ref} type="text" {...common} />}
      {hint && (
        <span id={hintId} className="small muted">
          {hint}
        </span>
      )}
    </div>
  );
}
