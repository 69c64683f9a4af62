// The open story's open findings (not dismissed) and the one last jumped to, for the parts of the
// editor screen that render outside the checks panel's props: the lead photo, the figures in the
// body (tiptap node views) and the Photos tab, which mark finding ranges in captions.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { CheckField, Finding, Id } from '../../shared/domain.js';
import type { TextMark } from '../ui/MarkedText.js';

interface EditorFindings {
  open: Finding[];
  activeKey: string | null;
  set(open: Finding[], activeKey: string | null): void;
}

export const useEditorFindings = create<EditorFindings>((set) => ({
  open: [],
  activeKey: null,
  set: (open, activeKey) => set({ open, activeKey }),
}));

/** The ranges findings point at in one photo's caption (or credit, or alt text). */
export function photoFieldMarks(open: Finding[], activeKey: string | null, storyPhotoId: Id, field: CheckField = 'caption'): TextMark[] {
  const marks: TextMark[] = [];
  for (const f of open) {
    for (const place of f.places) {
      if (place.field !== field || place.storyPhotoId !== storyPhotoId || !place.range) continue;
      marks.push({ ...place.range, severity: f.severity, title: f.message, active: f.key === activeKey });
    }
  }
  return marks;
}

/** photoFieldMarks for a component; re-rendered only when the findings or the active one change. */
export function usePhotoFieldMarks(storyPhotoId: Id, field: CheckField = 'caption'): TextMark[] {
  // Select the raw state (stable references) and derive here: a selector returning a new array
  // on every call would make React re-render forever.
  const open = useEditorFindings((s) => s.open);
  const activeKey = useEditorFindings((s) => s.activeKey);
  return useMemo(() => photoFieldMarks(open, activeKey, storyPhotoId, field), [open, activeKey, storyPhotoId, field]);
}
