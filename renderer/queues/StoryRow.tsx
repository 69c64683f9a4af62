// One story in a queue: headline (always as text), status badge, who and when; opening it shows the editor.
import type { ReactNode } from 'react';
import type { FindingCounts, StoryListItem } from '../../shared/domain.js';
import { focusStoryWhenReady } from '../app/focusLanding.js';
import { shortTime } from '../app/format.js';
import { useApp } from '../app/store.js';
import { offlineHolderWords } from '../editor/lockWords.js';
import { StatusBadge } from '../ui/StatusBadge.js';
import { parseSnippet } from './snippet.js';

/**
 * "3 findings · 1 blocking": the story's open copy-check findings as the core last counted them
 * (warnings and blocking; dismissed ones and notes do not count). Nothing before the first count
 * or when there is nothing to fix. Said in words, so colour is never the only sign.
 */
export function FindingsBadge({ counts }: { counts: FindingCounts | null | undefined }) {
  if (!counts) return null;
  const total = counts.blocking + counts.warning;
  if (total === 0) return null;
  return (
    <span className={counts.blocking ? 'findings-badge findings-badge-blocking' : 'findings-badge'}>
      {/* Keeps the row's accessible name readable: "… 412 words · 3 findings · 1 blocking". */}
      <span className="sr-only">· </span>
      {total} finding{total === 1 ? '' : 's'}
      {counts.blocking ? ` · ${counts.blocking} blocking` : ''}
    </span>
  );
}

export function StoryRow({ item, extra }: { item: StoryListItem; extra?: ReactNode }) {
  const open = useApp((s) => s.openStoryId === item.id);
  const openStory = useApp((s) => s.openStory);
  const myName = useApp((s) => s.me?.name);
  return (
    <li className="story-row">
      <button
        type="button"
        className="story-row-button"
        aria-current={open ? 'true' : undefined}
        onClick={() => {
          // From the row straight into the story: Enter, then type.
          focusStoryWhenReady(item.id);
          openStory(item.id);
        }}
      >
        <span className="story-row-top">
          <StatusBadge status={item.status} />
          <span className="story-row-desk">{item.desk}</span>
          <span className="story-row-time">{shortTime(item.updatedAt)}</span>
        </span>
        <span className="story-row-headline">{item.headline.trim() || <em>(no headline)</em>}</span>
        {item.snippet ? (
          <span className="story-row-snippet">
            {parseSnippet(item.snippet).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
          </span>
        ) : null}
        <span className="story-row-meta">
          {item.byline.length ? item.byline.join(', ') : 'No byline'} · {item.wordCount} words
          {item.lockedBy
            ? item.lockedOffline
              ? ` · ${offlineHolderWords(item.lockedBy === myName ? 'You' : item.lockedBy, item.lockedBy === myName)}`
              : item.lockedBy === myName
                ? ' · Open by you'
                : ` · Locked by ${item.lockedBy}`
            : ''}
        </span>
        <FindingsBadge counts={item.openFindings} />
        {extra}
      </button>
    </li>
  );
}

/** A paged list of stories with its "Show more" control. */
export function StoryRows({
  items,
  hasMore,
  loading,
  error,
  loadMore,
  empty,
  extra,
}: {
  items: StoryListItem[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  empty: string;
  extra?: (item: StoryListItem) => ReactNode;
}) {
  return (
    <>
      {error ? (
        <p className="list-error" role="alert">
          {error}
        </p>
      ) : null}
      {items.length === 0 && !loading && !error ? <p className="list-empty">{empty}</p> : null}
      <ul className="story-rows">
        {items.map((item) => (
          <StoryRow key={item.id} item={item} extra={extra?.(item)} />
        ))}
      </ul>
      {hasMore ? (
        <button type="button" className="show-more" onClick={loadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </>
  );
}
