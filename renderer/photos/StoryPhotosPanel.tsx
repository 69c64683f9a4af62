// A story's photos: lead first, then inline in order, each with its thumbnail and caption line
// "caption (credit)". Photo editors attach from the library, re-caption, reorder and detach
// until the story is approved; the core enforces the same rule.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { Status, StoryPhoto } from '../../shared/domain.js';
import type { PhotoFocus } from '../copyDesk/useFindingActions.js';
import { CodeField } from './CodeField.js';
import { MarkedCaption } from './MarkedCaption.js';
import { captionHint, type PhotoEditors } from './captionHint.js';
import { captionLine } from './codes.js';
import { PhotoPicker } from './PhotoPicker.js';
import './photos.css';

export interface StoryPhotosPanelProps {
  storyId: number;
  photos: StoryPhoto[];
  canEditPhotos: boolean;
  /** The story's status and who may change its captions: told to someone who may not. */
  status: Status;
  photoEditors: PhotoEditors;
  /** A copy-check finding to show: open this photo's caption (credit, alt) with its words selected. */
  focus?: PhotoFocus | null;
  /** Called once `focus` has been acted on (so showing the tab again does not repeat it). */
  onFocused?: () => void;
  onChanged: () => void;
}

type FocusRange = { from: number; to: number };

function Recaption({ photo, focus, onDone }: { photo: StoryPhoto; focus?: PhotoFocus | null; onDone(changed: boolean): void }) {
  const [caption, setCaption] = useState(photo.caption);
  const [credit, setCredit] = useState(photo.credit);
  const [alt, setAlt] = useState(photo.alt);
  const [error, setError] = useState('');
  const [codes, setCodes] = useState<{ code: string; text: string }[]>([]);
  useEffect(() => {
    void api.settings
      .get({})
      .then((r) => setCodes(r.settings.codeReplacements))
      .catch(() => undefined);
  }, []);
  // One object per jump (its seq), so the field is focused again on the next jump, not on every render.
  const [jump, setJump] = useState<{ seq: number; field: PhotoFocus['field']; range: FocusRange } | null>(null);
  useEffect(() => {
    if (focus && focus.storyPhotoId === photo.id) setJump({ seq: focus.seq, field: focus.field, range: focus.range ?? { from: 0, to: 0 } });
  }, [focus, photo.id]);
  const rangeFor = (field: PhotoFocus['field']) => (jump?.field === field ? jump.range : null);
  const save = async () => {
    try {
      await api.photos.updatePlacement({ id: photo.id, caption, credit, alt });
      onDone(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      className="recaption"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <CodeField label="Caption in this story" value={caption} onChange={setCaption} codes={codes} multiline maxLength={2000} focusRange={rangeFor('caption')} />
      <CodeField label="Credit" value={credit} onChange={setCredit} codes={codes} maxLength={300} focusRange={rangeFor('credit')} />
      <CodeField label="Alt text" value={alt} onChange={setAlt} multiline maxLength={1000} focusRange={rangeFor('alt')} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="primary">
          Save caption
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function StoryPhotosPanel({ storyId, photos, canEditPhotos, status, photoEditors, focus, onFocused, onChanged }: StoryPhotosPanelProps) {
  const [picking, setPicking] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [blockCount, setBlockCount] = useState(0);
  const items = useRef(new Map<number, HTMLLIElement>());
  // The jump the open caption form should act on; forgotten when the form closes.
  const [jump, setJump] = useState<PhotoFocus | null>(null);

  // A jump from a finding: a photo editor gets the photo's caption form open at the words;
  // anyone else gets the photo brought into view and focused.
  useEffect(() => {
    if (!focus) return;
    if (canEditPhotos) {
      setEditing(focus.storyPhotoId);
      setJump(focus);
    } else {
      const item = items.current.get(focus.storyPhotoId);
      item?.scrollIntoView({ block: 'nearest' });
      item?.focus();
    }
    onFocused?.();
  }, [focus, canEditPhotos, onFocused]);

  const run = async (fn: () => Promise<unknown>) => {
    setError('');
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const move = (index: number, delta: number) => {
    const order = photos.map((p) => p.id);
    const [item] = order.splice(index, 1);
    order.splice(index + delta, 0, item!);
    void run(() => api.photos.reorder({ storyId, order }));
  };

  const openPicker = async () => {
    try {
      const { story } = await api.stories.get({ id: storyId });
      setBlockCount(story.body.content?.length ?? 0);
    } catch {
      setBlockCount(0);
    }
    setPicking(true);
  };

  const hasLead = photos.some((p) => p.placement === 'lead');
  return (
    <section className="story-photos" aria-label="Story photos">
      <h2 className="story-photos-title">Photos</h2>
      {!canEditPhotos && <p className="muted small caption-hint">{captionHint(status, photoEditors)}</p>}
      {photos.length === 0 && <p className="muted">No photos yet.</p>}
      <ol className="story-photo-list">
        {photos.map((p, i) => (
          <li
            key={p.id}
            className="story-photo"
            tabIndex={-1}
            ref={(el) => {
              if (el) items.current.set(p.id, el);
              else items.current.delete(p.id);
            }}
          >
            <img src={p.asset.thumbUrl} alt={p.alt || ''} />
            <div className="story-photo-text">
              <span className="badge">{p.placement === 'lead' ? 'Lead' : 'Inline'}</span> {/* Rendered as text: a caption can never become markup. */}
              <span className="story-photo-caption" title={captionLine(p.caption, p.credit) || undefined}>
                {p.caption.trim() ? <MarkedCaption photo={p} trim /> : null}
                {p.caption.trim() && p.credit.trim() ? ' ' : null}
                {p.credit.trim() ? `(${p.credit.trim()})` : null}
                {!p.caption.trim() && !p.credit.trim() ? <em>No caption or credit</em> : null}
              </span>
              {/* The caption may be cut to five lines; the credit always shows. */}
              {p.credit.trim() && <span className="story-photo-credit small muted">Credit: {p.credit}</span>}
              {(!p.caption.trim() || !p.credit.trim()) && (
                <span className="error-text small">
                  {' '}
                  {!p.caption.trim() ? 'Needs a caption.' : ''} {!p.credit.trim() ? 'Needs a credit.' : ''}
                </span>
              )}
              {!p.alt.trim() && <span className="small muted"> No alt text.</span>}
              {canEditPhotos && editing !== p.id && (
                <div className="row-actions">
                  <button type="button" className="small-button" onClick={() => setEditing(p.id)}>
                    Edit caption
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    disabled={i === 0 || p.placement === 'lead' || photos[i - 1]?.placement === 'lead'}
                    onClick={() => move(i, -1)}
                    aria-label={`Move up: ${p.asset.originalName}`}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className="small-button"
                    disabled={i === photos.length - 1 || p.placement === 'lead'}
                    onClick={() => move(i, 1)}
                    aria-label={`Move down: ${p.asset.originalName}`}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className="small-button danger-text"
                    onClick={() => void run(() => api.photos.detach({ id: p.id }))}
                    aria-label={`Detach ${p.asset.originalName}`}
                  >
                    Detach
                  </button>
                </div>
              )}
              {editing === p.id && (
                <Recaption
                  photo={p}
                  focus={jump}
                  onDone={(changed) => {
                    setEditing(null);
                    setJump(null);
                    if (changed) onChanged();
                  }}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {canEditPhotos && (
        <button type="button" className="primary" onClick={() => void openPicker()}>
          Attach photo…
        </button>
      )}
      {picking && (
        <PhotoPicker
          hasLead={hasLead}
          blockCount={blockCount}
          onClose={() => setPicking(false)}
          onPick={async (choice) => {
            await api.photos.attach({ storyId, ...choice });
            onChanged();
          }}
        />
      )}
    </section>
  );
}
