// A titled section of a queue with its count (e.g. "Submitted 4").
import { useId, type ReactNode } from 'react';
import type { StoryListItem } from '../../shared/domain.js';
import { StoryRows } from './StoryRow.js';
import { usePagedStories, type ListFilter } from './usePagedStories.js';

export function SectionFrame({ title, count, capped = false, children }: { title: string; count: number | null; capped?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className="queue-section" aria-labelledby={`${id}-h`}>
      <h2 className="queue-section-title" id={`${id}-h`}>
        {title}
        {count !== null ? <span className="count"> {capped ? `${count.toLocaleString()}+` : count.toLocaleString()}</span> : null}
      </h2>
      {children}
    </section>
  );
}

export function QueueSection({
  title,
  filter,
  empty,
  extra,
  pageSize = 20,
}: {
  title: string;
  filter: ListFilter;
  empty: string;
  extra?: (item: StoryListItem) => ReactNode;
  pageSize?: number;
}) {
  const page = usePagedStories(filter, pageSize);
  return (
    <SectionFrame title={title} count={page.loading && page.items.length === 0 ? null : page.total}>
      <StoryRows {...page} empty={empty} extra={extra} />
    </SectionFrame>
  );
}
