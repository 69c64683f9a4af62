// How many of a toolbar's items fit on its one row, the rest going to a "More" button. Each item's
// right edge is measured while every item is shown (the labels never change, so the widths stay
// good when some are hidden); the count is worked out again whenever the toolbar's width changes.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Room kept for the More button before it has been measured. */
const MORE_GUESS = 72;

export function useToolbarFit(bar: RefObject<HTMLElement | null>, count: number): number {
  const [fit, setFit] = useState(count);
  const ends = useRef<number[]>([]);
  const moreWidth = useRef(MORE_GUESS);

  const measure = useRef(() => {});
  measure.current = () => {
    const el = bar.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const start = box.left + parseFloat(style.paddingLeft);
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const items = el.querySelectorAll<HTMLElement>(':scope > [data-tool-index]');
    // Every item shown: (re)measure where each one ends on the row.
    if (items.length === count) ends.current = [...items].map((item) => item.getBoundingClientRect().right - start);
    const more = el.querySelector<HTMLElement>(':scope > .tool-more');
    if (more) moreWidth.current = more.getBoundingClientRect().width;
    const all = ends.current;
    if (all.length < count || (all[count - 1] ?? 0) <= room) return setFit(count);
    const gap = parseFloat(style.columnGap) || 0;
    let n = 0;
    while (n < count && (all[n] ?? Infinity) + gap + moreWidth.current <= room) n += 1;
    setFit(n);
  };

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const observer = new ResizeObserver(() => measure.current());
    observer.observe(el);
    return () => observer.disconnect();
  }, [bar]);
  // Again once the row has changed: the More button has come (and can be measured) or gone.
  useLayoutEffect(() => measure.current(), [fit, count]);

  return fit;
}
