// What the checks panel's buttons do: jump to a finding's place (select the words in the body,
// in the headline, subheadline or dateline, or open the photo's caption on the Photos tab),
// apply a fix (checked against the text first: a stale fix changes nothing), dismiss a warning
// (after saving, so the core judges the same text the desk editor sees) and restore one.
import type { Editor } from '@tiptap/react';
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { Result } from '../../shared/contract.js';
import type { Finding, FindingFix, FindingPlace, StoryPhoto } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import type { Autosave, Field } from '../editor/autosave.js';
import type { EditableFields } from '../editor/localCopy.js';
import { posOf, textIndex } from '../editor/offsets.js';
import { bodyFixTransaction, fieldFix, fixScope, photoFix, STALE } from './applyFix.js';
import { currentPositions } from './findingMarks.js';
import type { FindingActions } from './FindingItem.js';
import { captionHint } from '../photos/captionHint.js';

type Loaded = Result<'stories.get'>;

/** A request to the Photos tab: open this photo's field and select these words. */
export interface PhotoFocus {
  storyPhotoId: number;
  field: 'caption' | 'credit' | 'alt';
  range?: { from: number; to: number };
  /** Changes on every request, so jumping to the same place twice works twice. */
  seq: number;
}

export const STALE_FIX = 'The text has changed; checks are running again.';

const FIELD_NAMES: Record<FindingPlace['field'], string> = {
  headline: 'Headline',
  subheadlines: 'Subheadline',
  byline: 'Byline',
  dateline: 'Dateline',
  body: 'Body',
  caption: 'Caption',
  credit: 'Credit',
  alt: 'Alt text',
};

function photoName(photos: StoryPhoto[], id: number | undefined): string {
  const p = photos.find((x) => x.id === id);
  if (!p) return 'a photo';
  return p.placement === 'lead' ? `the lead photo (${p.asset.originalName})` : p.asset.originalName;
}

/** Focuses a text field and selects the words a finding points at. */
function focusField(el: HTMLInputElement | HTMLTextAreaElement | HTMLElement | null | undefined, range?: { from: number; to: number }) {
  if (!el) return;
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
  if (range && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.setSelectionRange(range.from, range.to);
}

export interface FindingActionDeps {
  storyId: number;
  editorRef: RefObject<Editor | null>;
  fieldsRef: RefObject<EditableFields | null>;
  dataRef: RefObject<Loaded | null>;
  data: Loaded | null;
  editable: boolean;
  autosave: Autosave;
  /** Replaces the editable fields (headline, subheadlines, dateline) and marks them unsaved. */
  setFieldValues(changes: Partial<EditableFields>, touched: Field[]): void;
  setLoaded(d: Loaded): void;
  refresh(applyText: boolean): Promise<unknown>;
  /** Runs the checks now, whatever "Check as I type" says. */
  checkNow(): void;
  setActiveKey(key: string | null): void;
  showPhotos(focus: PhotoFocus): void;
}

export function useFindingActions(deps: FindingActionDeps): { actions: FindingActions; notice: string | null; restore(key: string): Promise<void> } {
  const { storyId, editorRef, fieldsRef, dataRef, data, editable, autosave, setFieldValues, setLoaded, refresh, checkNow, setActiveKey, showPhotos } = deps;
  const [notice, setNotice] = useState<string | null>(null);
  const photos = data?.photos;
  const canEditPhotos = !!data?.canEditPhotos;
  const canDismiss = !!data?.canDismissFindings;

  const jump = useCallback(
    (finding: Finding, index: number) => {
      const place = finding.places[index];
      setActiveKey(finding.key);
      setNotice(null);
      if (!place) return;
      switch (place.field) {
        case 'body': {
          const e = editorRef.current;
          if (!e || e.isDestroyed) return;
          if (!place.range) {
            e.commands.focus();
            return;
          }
          // Where the words are now, however much was typed since the check ran; else where the offsets fall today.
          let at = currentPositions(e.state, place.range);
          if (!at) {
            const idx = textIndex(e.state.doc);
            const from = posOf(idx, place.range.from);
            const to = posOf(idx, place.range.to);
            at = from !== null && to !== null ? { from, to } : null;
          }
          if (at) e.chain().focus().setTextSelection(at).scrollIntoView().run();
          return;
        }
        case 'headline':
          return focusField(document.getElementById('f-headline'), place.range);
        case 'dateline':
          return focusField(document.getElementById('f-dateline'), place.range);
        case 'subheadlines':
          return focusField(document.querySelectorAll<HTMLInputElement>('.story-fields .subheadline-input')[place.index ?? 0], place.range);
        case 'byline':
          return focusField(document.querySelector<HTMLElement>('.story-fields .byline-field select, .story-fields .byline-field'));
        case 'caption':
        case 'credit':
        case 'alt':
          if (place.storyPhotoId !== undefined)
            showPhotos({ storyPhotoId: place.storyPhotoId, field: place.field, ...(place.range ? { range: place.range } : {}), seq: Date.now() });
          return;
      }
    },
    [editorRef, setActiveKey, showPhotos],
  );

  const fix = useCallback(
    (finding: Finding, chosen: FindingFix) => {
      setNotice(null);
      const stale = () => {
        setNotice(STALE_FIX);
        checkNow();
      };
      const body = chosen.edits.filter((e) => e.place.field === 'body');
      const text = chosen.edits.filter((e) => e.place.field === 'headline' || e.place.field === 'subheadlines' || e.place.field === 'dateline');
      const pics = chosen.edits.filter((e) => e.place.field === 'caption' || e.place.field === 'credit' || e.place.field === 'alt');

      // Everything is checked before anything changes: a fix is made whole or not at all.
      const e = editorRef.current;
      let tr = null;
      if (body.length) {
        if (!e || e.isDestroyed) return stale();
        const built = bodyFixTransaction(e.state, body);
        if (built === STALE) return stale();
        tr = built;
      }
      let fieldChanges: Partial<EditableFields> | null = null;
      if (text.length) {
        const f = fieldsRef.current;
        const next = f ? fieldFix(f, text) : STALE;
        if (next === STALE) return stale();
        fieldChanges = next;
      }
      let photoChanges = null;
      if (pics.length) {
        const next = photoFix(dataRef.current?.photos ?? [], pics);
        if (next === STALE) return stale();
        photoChanges = next;
      }

      // The body's edits in one transaction: one Undo takes the fix back. Autosave follows the change.
      if (tr && e) e.view.dispatch(tr);
      if (fieldChanges) setFieldValues(fieldChanges, Object.keys(fieldChanges) as Field[]);
      if (!photoChanges?.length) {
        setNotice(`Applied: ${chosen.label}.`);
        checkNow();
        return;
      }
      void (async () => {
        try {
          for (const change of photoChanges) await api.photos.updatePlacement({ id: change.id, ...change.changes });
          setNotice(`Applied: ${chosen.label}.`);
        } catch (err) {
          setNotice(`${body.length || text.length ? 'The text was changed, but the' : 'The'} caption could not be: ${toUiError(err).message}`);
        }
        await refresh(true).catch(() => undefined);
        checkNow();
      })();
    },
    [editorRef, fieldsRef, dataRef, setFieldValues, refresh, checkNow],
  );

  const dismiss = useCallback(
    async (finding: Finding, note: string) => {
      // The core checks the saved story: save what is typed first, so it finds what the desk editor sees.
      if (editable && autosave.isDirty && !(await autosave.flush())) {
        throw new Error('Your latest changes are not saved yet, so nothing was dismissed. Try again once they are saved.');
      }
      const { dismissal } = await api.stories.dismissFinding({ id: storyId, key: finding.key, note });
      const d = dataRef.current;
      if (d) setLoaded({ ...d, dismissals: [...(d.dismissals ?? []).filter((x) => x.key !== finding.key), dismissal] });
      setNotice(`Dismissed: ${finding.message}`);
    },
    [editable, autosave, storyId, dataRef, setLoaded],
  );

  const restore = useCallback(
    async (key: string) => {
      await api.stories.restoreFinding({ id: storyId, key });
      const d = dataRef.current;
      if (d) setLoaded({ ...d, dismissals: (d.dismissals ?? []).filter((x) => x.key !== key) });
      setNotice('Restored: the finding counts again.');
    },
    [storyId, dataRef, setLoaded],
  );

  const actions = useMemo<FindingActions>(
    () => ({
      placeLabel: (place) => {
        if (place.field === 'caption' || place.field === 'credit' || place.field === 'alt')
          return `${FIELD_NAMES[place.field]} of ${photoName(photos ?? [], place.storyPhotoId)}`;
        if (place.field === 'subheadlines' && place.index !== undefined) return `Subheadline ${place.index + 1}`;
        return FIELD_NAMES[place.field];
      },
      fixBlocker: (f) => {
        const scope = fixScope(f);
        if (scope.unsupported) return 'This fix has to be made by hand.';
        if (scope.text && !editable) return 'The text is read only for you now.';
        if (scope.photos && !canEditPhotos) return data ? captionHint(data.story.status, data.photoEditors) : 'You cannot change captions here.';
        return null;
      },
      canDismiss,
      jump,
      fix,
      dismiss,
    }),
    [photos, editable, canEditPhotos, data, canDismiss, jump, fix, dismiss],
  );

  return { actions, notice, restore };
}
