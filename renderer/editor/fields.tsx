// The story's metadata fields: subheadlines (zero or more) and the byline (several staff).
import { useId } from 'react';
import type { BylineEntry, Staff } from '../../shared/domain.js';

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
            <input
              id={`${baseId}-${i}`}
              className="subheadline-input"
              value={s}
              readOnly={readOnly}
              maxLength={500}
              onChange={(e) => {
                const next = [...shown];
                next[i] = e.target.value;
                onChange(value.length === 0 && !e.target.value ? [] : next);
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
