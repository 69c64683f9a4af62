// One page at a time from stories.list (cursor paging), so a queue stays fast with 100,000
// stories: the first page loads, "Show more" fetches the next. Refetches when the app's change
// tick moves, keeping as many rows as were showing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../shared/contract.js';
import type { StoryListItem } from '../../shared/domain.js';
import { api } from '../api/client.js';
import { toUiError } from '../app/errors.js';
import { queueLoading } from '../app/focusLanding.js';
import { useApp } from '../app/store.js';

export type ListFilter = Omit<Input<'stories.list'>, 'limit' | 'cursor'>;

export interface PagedStories {
  items: StoryListItem[];
  total: number;
  /** The search stopped counting: `total` is a floor. */
  totalCapped: boolean;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

export function usePagedStories(filter: ListFilter, pageSize = 50): PagedStories {
  const tick = useApp((s) => s.tick);
  const key = JSON.stringify(filter);
  const [items, setItems] = useState<StoryListItem[]>([]);
  const [total, setTotal] = useState(0);
  const [totalCapped, setTotalCapped] = useState(false);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Counted while loading, so the focus lands on a queue's first row only once every section has its rows.
  useEffect(() => (loading ? queueLoading() : undefined), [loading]);
  const shown = useRef(0);
  const lastKey = useRef<string | null>(null);
  shown.current = items.length;

  useEffect(() => {
    let cancelled = false;
    const sameQuery = lastKey.current === key;
    lastKey.current = key;
    // After a change event keep the rows that were showing (up to the API's page ceiling).
    const limit = sameQuery ? Math.min(200, Math.max(pageSize, shown.current)) : pageSize;
    if (!sameQuery) setLoading(true);
    api.stories
      .list({ ...(JSON.parse(key) as ListFilter), limit })
      .then((r) => {
        if (cancelled) return;
        setItems(r.items);
        setTotal(r.total);
        setTotalCapped(r.totalCapped === true);
        setCursor(r.nextCursor);
        setError(null);
      })
      .catch((e: unknown) => !cancelled && setError(toUiError(e).message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [key, tick, pageSize]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoading(true);
    api.stories
      .list({ ...(JSON.parse(key) as ListFilter), limit: pageSize, cursor })
      .then((r) => {
        setItems((prev) => {
          const seen = new Set(prev.map((i) => i.id));
          return [...prev, ...r.items.filter((i) => !seen.has(i.id))];
        });
        setTotal(r.total);
        setCursor(r.nextCursor);
      })
      .catch((e: unknown) => setError(toUiError(e).message))
      .finally(() => setLoading(false));
  }, [cursor, key, pageSize]);

  return { items, total, totalCapped, hasMore: cursor !== undefined, loading, error, loadMore };
}
