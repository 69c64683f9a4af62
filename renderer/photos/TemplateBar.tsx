// Metadata templates: pick a saved set of fields, tick the ones to use, apply them to every
// selected photo in one step. Fields left unticked are not touched.
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { PhotoAsset, Settings } from '../../shared/domain.js';

type Template = Settings['metadataTemplates'][number];
type Field = keyof Template['fields'];

const LABELS: Record<Field, string> = {
  caption: 'Caption',
  credit: 'Credit',
  creator: 'Creator',
  copyright: 'Copyright',
  source: 'Source',
  alt: 'Alt text',
  keywords: 'Keywords',
};

const show = (value: Template['fields'][Field]) => (Array.isArray(value) ? value.join(', ') : (value ?? ''));

export function TemplateBar({
  templates,
  selectedIds,
  canEdit,
  onApplied,
}: {
  templates: Template[];
  selectedIds: number[];
  canEdit: boolean;
  onApplied(assets: PhotoAsset[]): void;
}) {
  const [index, setIndex] = useState(0);
  const template = templates[index];
  const fields = template ? (Object.keys(template.fields) as Field[]).filter((f) => template.fields[f] !== undefined) : [];
  const [ticked, setTicked] = useState<Set<Field>>(new Set(fields));
  const [message, setMessage] = useState('');
  useEffect(() => setTicked(new Set(fields)), [index, templates]); // eslint-disable-line react-hooks/exhaustive-deps

  if (templates.length === 0) {
    return <p className="small muted template-bar">No metadata templates yet{canEdit ? '' : ' (a photo editor or an admin adds them under Codes & templates)'}.</p>;
  }

  const apply = async () => {
    if (!template) return;
    const changes: Record<string, unknown> = {};
    for (const f of ticked) changes[f] = template.fields[f];
    try {
      const { assets } = await api.photos.update({ ids: selectedIds, changes });
      setMessage(`Applied “${template.name}” to ${assets.length} ${assets.length === 1 ? 'photo' : 'photos'}.`);
      onApplied(assets);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <fieldset className="template-bar">
      <legend>Metadata template</legend>
      <label>
        Template{' '}
        <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
          {templates.map((t, i) => (
            <option key={`${t.name}-${i}`} value={i}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="template-fields">
        {fields.map((f) => (
          <label key={f} className="template-field">
            <input
              type="checkbox"
              checked={ticked.has(f)}
              onChange={(e) => {
                const next = new Set(ticked);
                if (e.target.checked) next.add(f);
                else next.delete(f);
                setTicked(next);
              }}
            />{' '}
            {LABELS[f]}: <span className="muted">{show(template!.fields[f])}</span>
          </label>
        ))}
      </div>
      <button type="button" className="primary" disabled={!canEdit || selectedIds.length === 0 || ticked.size === 0} onClick={() => void apply()}>
        Apply to {selectedIds.length} selected
      </button>
      <span role="status" className="small muted">
        {message}
      </span>
    </fieldset>
  );
}
