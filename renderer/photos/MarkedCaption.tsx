// A story photo's caption with the words copy-check findings point at marked (the name spelled
// differently in the body, say). Used wherever the editor screen shows a caption: the lead
// photo, the figures in the body and the Photos tab.
import { useMemo } from 'react';
import type { StoryPhoto } from '../../shared/domain.js';
import { usePhotoFieldMarks } from '../copyDesk/findingsStore.js';
import { MarkedText } from '../ui/MarkedText.js';

/** `trim`: show the caption without surrounding blanks (as "caption (credit)" lines do); marks move with it. */
export function MarkedCaption({ photo, trim = false }: { photo: StoryPhoto; trim?: boolean }) {
  const marks = usePhotoFieldMarks(photo.id, 'caption');
  const cut = trim ? photo.caption.length - photo.caption.trimStart().length : 0;
  const text = trim ? photo.caption.trim() : photo.caption;
  const shifted = useMemo(() => (cut ? marks.map((m) => ({ ...m, from: m.from - cut, to: m.to - cut })) : marks), [marks, cut]);
  return <MarkedText text={text} marks={shifted} />;
}
