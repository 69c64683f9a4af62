// The story's metadata fields: one-line text that wraps (headline, subheadlines), the headline's
// count against the desk's limit, subheadlines (zero or more) and the byline (several staff).
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import type { BylineEntry, Staff } from '../../shared/domain.js';
import { headlineChars } from '../../shared/text.js';

/** Text meant as one line: every line break, with the spaces around it, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]\s*/g, ' ');
}

type LineInputProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'rows'> & { value: string; onChange(next: string): void };

/**
 * One line of text that wraps to show all of it (a long headline stays readable): a textarea that
 * grows with its text (styles.css), in which Enter adds no line break and pasted lines are joined
 * by spaces, since a headline has no second line to keep.
 */
export function LineInput({ value, onChange, onKeyDown, onPaste, className, ...rest }: LineInputProps) {
  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes (Korean), Enter commits the syllable: leave it to the IME.
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
    onKeyDown?.(e);
  };
  const paste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    onPaste?.(e);
    const text = e.clipboardData.getData('text/plain');
    if (e.defaultPrevented || !/[\r\n\u2028\u2029]/.test(text)) return;
    e.preventDefault();
    const el = e.currentTarget;
    const before = value.slice(0, el.selectionStart);
    const after = value.slice(el.selectionEnd);
    // A break at either end of the paste is a space too, unless one is there already.
    let joined = oneLine(text);
    if (before === '' || /\s$/.test(before)) joined = joined.trimStart();
    if (after === '' || /^\s/.test(after)) joined = joined.trimEnd();
    // insertText keeps the caret after the paste and the paste in the field's undo history.
    if (document.execCommand('insertText', false, joined)) return;
    onChange(before + joined + after);
  };
  return (
    <textarea
      {...rest}
      className={className ? `line-input ${className}` : 'line-input'}
      rows={1}
      value={value}
      onKeyDown={keyDown}
      onPaste={paste}
      onChange={(e) => onChange(oneLine(e.target.value))}
    />
  );
}

/**
 * The headline's length against the desk's limit ("72 / 90"), marked past it ("95 / 90 · 5 over").
 * Screen readers hear it with the field (aria-describedby on the field names `id`) and are told
 * politely only when the headline crosses the limit, not on every character.
 */
export function HeadlineCount({ id, headline, max }: { id: string; headline: string; max: number }) {
  const count = headlineChars(headline);
  const over = count > max;
  const [announcement, setAnnouncement] = useState('');
  const wasOver = useRef(over);
  useEffect(() => {
    if (wasOver.current === over) return;
    wasOver.current = over;
    setAnnouncement(over ? `The headline is over the desk's limit of ${max} characters.` : `The headline is within the desk's limit of ${max} characters again.`);
  }, [over, max]);
  return (
    <>
      <span id={id} className={over ? 'char-count over' : 'char-count'}>
        {count} / {max}
        <span className="sr-only"> characters</span>
        {over ? ` · ${count - max} over` : null}
      </span>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}

export function SubheadlinesField({ value, readOnly, onChange }: { value: string[]; readOnly: boolean; onChange(next: string[]): void }) {
  const baseId = useId();
  // With none yet, one empty field is shown; it becomes a subheadline once typed in.
  const shown = value.length ? value : [''];
  return (
    <div className="subheadlines">
      {shown.map((s, i) => (
        <div className="field subheadline-field" key={i}>
          <label htmlFor={`${baseId}-${i}`}>Subheadline</label>
          <div className="input-with-action">
            <LineInput
              id={`${baseId}-${i}`}
              className="subheadline-input"
              value={s}
              readOnly={readOnly}
              maxLength={500}
              onChange={(text) => {
                const next = [...shown];
                next[i] = text;
                onChange(value.length === 0 && !text ? [] : next);
              }}
            />
            {!readOnly && value.length > 0 ? (
              <button type="button" className="small-button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove subheadline
              </button>
            ) : null}
          </div>
        </div>
      ))}
      {!readOnly && value.length > 0 && value.length < 10 ? (
        <button type="button" className="link-button" onClick={() => onChange([...value, ''])}>
          Add subheadline
        </button>
      ) : null}
    </div>
  );
}

export function BylineField({ value, staff, readOnly, onChange }: { value: BylineEntry[]; staff: Staff[]; readOnly: boolean; onChange(next: BylineEntry[]): void }) {
  const id = useId();
  const available = staff.filter((s) => s.active !== false && !value.some((b) => b.staffId === s.id));
  return (
    <div className="field byline-field">
      {readOnly ? <span className="label">Byline</span> : <label htmlFor={id}>Byline</label>}
      <div className="byline-chips">
        {value.length === 0 ? <span className="muted">No byline</span> : null}
        {value.map((b) => (
          <span className="chip" key={b.staffId}>
            {b.name}
            {!readOnly ? (
              <button type="button" className="chip-remove" onClick={() => onChange(value.filter((x) => x.staffId !== b.staffId))}>
                Remove<span className="sr-only"> {b.name}</span>
              </button>
            ) : null}
          </span>
        ))}
        {!readOnly ? (
          <select
            id={id}
            value=""
            onChange={(e) => {
              const person = staff.find((s) => s.id === Number(e.target.value));
              if (person) onChange([...value, { staffId: person.id, name: person.name, email: person.email }]);
            }}
          >
            <option value="">Add a person…</option>
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}
