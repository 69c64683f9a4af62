// The thumbnail grid: one tab stop (roving tabindex), arrow keys move between photos (up and
// down by the row as laid out), Space toggles a photo in the selection, Ctrl/⌘-click and
// Shift-click select several.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { PhotoAsset } from '../../shared/domain.js';
import { captionLine } from './codes.js';

export function PhotoGrid({
  items,
  activeId,
  selected,
  onActivate,
  onSelect,
}: {
  items: PhotoAsset[];
  activeId: number | null;
  selected: ReadonlySet<number>;
  onActivate(id: number): void;
  onSelect(ids: Set<number>): void;
}) {
  const refs = useRef(new Map<number, HTMLLIElement>());
  const focusNext = useRef(false);
  const anchor = useRef<number | null>(null);

  useEffect(() => {
    if (focusNext.current && activeId !== null) {
      refs.current.get(activeId)?.focus();
      focusNext.current = false;
    }
  }, [activeId]);

  /** How many photos sit in one row right now (the grid wraps with the window). */
  const columns = (): number => {
    const tops = items.slice(0, 50).map((a) => refs.current.get(a.id)?.offsetTop ?? 0);
    const first = tops[0];
    const n = tops.findIndex((t) => t !== first);
    return n <= 0 ? Math.max(1, tops.length) : n;
  };

  const move = (to: number) => {
    const target = items[Math.max(0, Math.min(items.length - 1, to))];
    if (!target) return;
    focusNext.current = true;
    onActivate(target.id);
    anchor.current = target.id;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const index = items.findIndex((a) => a.id === activeId);
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(index + 1),
      ArrowLeft: () => move(index - 1),
      ArrowDown: () => move(index + columns()),
      ArrowUp: () => move(index - columns()),
      Home: () => move(0),
      End: () => move(items.length - 1),
      ' ': () => {
        if (activeId === null) return;
        const next = new Set(selected);
        if (next.has(activeId)) next.delete(activeId);
        else next.add(activeId);
        onSelect(next);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    } else if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSelect(new Set(items.map((a) => a.id)));
    }
  };

  const onClick = (e: MouseEvent, asset: PhotoAsset) => {
    if (e.shiftKey && anchor.current !== null) {
      const a = items.findIndex((x) => x.id === anchor.current);
      const b = items.findIndex((x) => x.id === asset.id);
      const [from, to] = a < b ? [a, b] : [b, a];
      onSelect(new Set(items.slice(from, to + 1).map((x) => x.id)));
    } else if (e.ctrlKey || e.metaKey) {
      const next = new Set(selected);
      if (next.has(asset.id)) next.delete(asset.id);
      else next.add(asset.id);
      onSelect(next);
      anchor.current = asset.id;
    } else {
      onSelect(new Set([asset.id]));
      anchor.current = asset.id;
    }
    onActivate(asset.id);
  };

  const tabStop = activeId ?? items[0]?.id ?? null;
  return (
    <ul className="photo-grid" role="listbox" aria-label="Photos" aria-multiselectable="true" onKeyDown={onKeyDown}>
      {items.map((a) => {
        const missing = [!a.caption.trim() && 'no caption', !a.credit.trim() && 'no credit'].filter(Boolean).join(', ');
        return (
          <li
            key={a.id}
            ref={(el) => {
              if (el) refs.current.set(a.id, el);
              else refs.current.delete(a.id);
            }}
            role="option"
            aria-selected={selected.has(a.id)}
            tabIndex={a.id === tabStop ? 0 : -1}
            className={['photo-cell', a.id === activeId ? 'active' : '', selected.has(a.id) ? 'selected' : ''].join(' ')}
            onClick={(e) => onClick(e, a)}
            onFocus={() => {
              if (activeId !== a.id) onActivate(a.id);
            }}
            title={a.originalName}
          >
            <img src={a.thumbUrl} alt="" loading="lazy" draggable={false} />
            <span className="photo-cell-name">{a.originalName}</span>
            {/* Captions are text, never markup: React escapes them. */}
            <span className="photo-cell-caption">{captionLine(a.caption, a.credit) || '—'}</span>
            {missing && <span className="photo-cell-warn">{missing}</span>}
            {a.usedIn > 0 && (
              <span className="photo-cell-used">
                in {a.usedIn} {a.usedIn === 1 ? 'story' : 'stories'}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
