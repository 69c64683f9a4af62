// The detail panel: the selected photo large, its file facts, and its metadata as labelled
// fields (code replacements expand in caption and credit). Saves through photos.update.
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { PhotoAsset } from '../../shared/domain.js';
import { CodeField } from './CodeField.js';
import type { CodeReplacement } from './codes.js';

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Draft = Pick<PhotoAsset, 'caption' | 'credit' | 'creator' | 'copyright' | 'alt'> & { keywords: string };

const draftOf = (a: PhotoAsset): Draft => ({
  caption: a.caption,
  credit: a.credit,
  creator: a.creator,
  copyright: a.copyright,
  alt: a.alt,
  keywords: a.keywords.join(', '),
});

export function PhotoDetail({ asset, codes, canEdit, onSaved }: { asset: PhotoAsset; codes: CodeReplacement[]; canEdit: boolean; onSaved(asset: PhotoAsset): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(asset));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  // The asset the draft started from: new data for the same photo (our own save, or someone
  // else's edit) replaces the draft only when nothing is typed and unsaved, so no edit is lost.
  const [base, setBase] = useState<PhotoAsset>(asset);
  useEffect(() => {
    if (asset === base) return;
    if (asset.id !== base.id) {
      setDraft(draftOf(asset));
      setStatus({ kind: 'idle' });
    } else {
      setDraft((d) => (JSON.stringify(d) === JSON.stringify(draftOf(base)) ? draftOf(asset) : d));
    }
    setBase(asset);
  }, [asset, base]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(asset));
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const { assets } = await api.photos.update({
        ids: [asset.id],
        changes: {
          caption: draft.caption,
          credit: draft.credit,
          creator: draft.creator,
          copyright: draft.copyright,
          alt: draft.alt,
          keywords: draft.keywords
            .split(/[,;\n]/)
            .map((k) => k.trim())
            .filter(Boolean),
        },
      });
      setStatus({ kind: 'saved' });
      const saved = assets[0];
      if (saved) {
        setDraft(draftOf(saved));
        setBase(saved);
        onSaved(saved);
      }
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="photo-detail" aria-labelledby="photo-detail-title">
      <h2 id="photo-detail-title" className="photo-detail-title">
        {asset.originalName}
      </h2>
      <img className="photo-detail-image" src={asset.displayUrl} alt={asset.alt || ''} />
      <p className="small muted">
        {asset.width} × {asset.height} px · {fileSize(asset.bytes)} · {asset.contentType}
        {asset.dateCreated ? ` · taken ${asset.dateCreated}` : ''}
        {asset.city || asset.country ? ` · ${[asset.city, asset.country].filter(Boolean).join(', ')}` : ''}
        {asset.usedIn > 0 ? ` · used in ${asset.usedIn} ${asset.usedIn === 1 ? 'story' : 'stories'}` : ' · not used yet'}
      </p>
      {asset.instructions && <p className="small photo-instructions">Instructions: {asset.instructions}</p>}
      {asset.metadataWarnings.length > 0 && (
        <section className="banner banner-warning" aria-labelledby="photo-metadata-warnings">
          <h3 id="photo-metadata-warnings" className="small">
            Check this photo’s metadata
          </h3>
          <ul className="small">
            {asset.metadataWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <CodeField label="Caption" value={draft.caption} onChange={set('caption')} codes={codes} multiline maxLength={2000} disabled={!canEdit} />
        <CodeField label="Credit" value={draft.credit} onChange={set('credit')} codes={codes} maxLength={300} disabled={!canEdit} />
        <CodeField label="Creator (by-line)" value={draft.creator} onChange={set('creator')} maxLength={300} disabled={!canEdit} />
        <CodeField label="Copyright notice" value={draft.copyright} onChange={set('copyright')} maxLength={500} disabled={!canEdit} />
        <CodeField
          label="Alt text"
          value={draft.alt}
          onChange={set('alt')}
          multiline
          maxLength={1000}
          hint="What the photo shows, for readers who cannot see it."
          disabled={!canEdit}
        />
        <CodeField label="Keywords" value={draft.keywords} onChange={set('keywords')} hint="Separated by commas." disabled={!canEdit} />
        {canEdit && (
          <div className="row-actions">
            <button type="submit" className="primary" disabled={!dirty || status.kind === 'saving'}>
              {status.kind === 'saving' ? 'Saving…' : 'Save'}
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(draftOf(asset))}>
              Revert
            </button>
            <span role="status" className="small muted">
              {status.kind === 'saved' ? 'Saved.' : dirty ? 'Unsaved changes' : ''}
            </span>
          </div>
        )}
        {status.kind === 'error' && (
          <p role="alert" className="error-text">
            {status.message}
          </p>
        )}
      </form>
    </section>
  );
}
