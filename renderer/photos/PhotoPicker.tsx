// Choosing a library photo for a story: search, pick, lead or inline (and where inline), with
// the caption and credit shown as they will print.
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { PhotoAsset } from '../../shared/domain.js';
import { Dialog } from '../ui/Dialog.js';
import { captionLine } from './codes.js';

export function PhotoPicker({
  hasLead,
  blockCount,
  onPick,
  onClose,
}: {
  hasLead: boolean;
  blockCount: number;
  onPick(choice: { assetId: number; placement: 'lead' | 'inline'; position?: number }): Promise<void>;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<PhotoAsset[]>([]);
  const [chosen, setChosen] = useState<PhotoAsset | null>(null);
  const [placement, setPlacement] = useState<'lead' | 'inline'>(hasLead ? 'inline' : 'lead');
  const [position, setPosition] = useState(blockCount);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api.photos
        .list({ ...(query.trim() ? { query } : {}), limit: 60 })
        .then((r) => live && setItems(r.items))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  const attach = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await onPick({ assetId: chosen.id, placement, ...(placement === 'inline' ? { position } : {}) });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Attach a photo" onClose={onClose} wide>
      <div className="field">
        <label htmlFor="picker-search">Search the library</label>
        <input id="picker-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      </div>
      <ul className="picker-grid" aria-label="Library photos">
        {items.map((a) => (
          <li key={a.id}>
            <button type="button" className={chosen?.id === a.id ? 'picker-item chosen' : 'picker-item'} aria-pressed={chosen?.id === a.id} onClick={() => setChosen(a)}>
              <img src={a.thumbUrl} alt="" />
              <span className="picker-caption">{captionLine(a.caption, a.credit) || a.originalName}</span>
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="picker-placement">
        <legend>Placement</legend>
        <label>
          <input type="radio" name="placement" checked={placement === 'lead'} disabled={hasLead} onChange={() => setPlacement('lead')} /> Lead photo
          {hasLead ? ' (the story has one)' : ''}
        </label>
        <label>
          <input type="radio" name="placement" checked={placement === 'inline'} onChange={() => setPlacement('inline')} /> Inline, before paragraph{' '}
          <input
            type="number"
            aria-label="Before body block number"
            min={1}
            max={blockCount + 1}
            value={position + 1}
            disabled={placement !== 'inline'}
            onChange={(e) => setPosition(Math.max(0, Math.min(blockCount, Number(e.target.value) - 1)))}
          />{' '}
          <span className="small muted">({blockCount + 1} = at the end)</span>
        </label>
      </fieldset>
      {chosen && <p className="small">Will print: {captionLine(chosen.caption, chosen.credit) || <em>no caption or credit yet</em>}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="primary" disabled={!chosen || busy} onClick={() => void attach()}>
          Attach
        </button>
      </div>
    </Dialog>
  );
}
