// The home queues: a reporter's own stories, the desk's queue, the photo desk's queue, every
// story, and search results. Each is a few stories.list queries shown as sections.
import { useId } from 'react';
import type { StoryListItem } from '../../shared/domain.js';
import { fullTime } from '../app/format.js';
import { useApp } from '../app/store.js';
import { QueueSection, SectionFrame } from './QueueSection.js';
import { StoryRows } from './StoryRow.js';
import { usePagedStories } from './usePagedStories.js';

function DeskNote({ item }: { item: StoryListItem }) {
  return item.sendBackNote ? (
    <span className="desk-note">
      <strong>Desk note:</strong> {item.sendBackNote}
    </span>
  ) : null;
}

export function MyStories() {
  const me = useApp((s) => s.me);
  const myId = me?.id ?? 0;
  const drafts = usePagedStories({ bylineStaffId: myId, status: ['draft'] }, 50);
  const returned = drafts.items.filter((i) => i.sendBackNote);
  const plain = drafts.items.filter((i) => !i.sendBackNote);
  const counted = drafts.loading && drafts.items.length === 0;
  return (
    <>
      <SectionFrame title="Returned by the desk" count={counted ? null : returned.length}>
        <StoryRows {...drafts} items={returned} hasMore={false} empty="Nothing returned." extra={(item) => <DeskNote item={item} />} />
      </SectionFrame>
      <SectionFrame title="Drafts" count={counted ? null : drafts.total - returned.length}>
        <StoryRows {...drafts} items={plain} empty="No drafts." />
      </SectionFrame>
      <QueueSection title="Submitted" filter={{ bylineStaffId: myId, status: ['submitted', 'editing', 'approved', 'scheduled'] }} empty="Nothing with the desk." />
      <QueueSection title="Published" filter={{ bylineStaffId: myId, status: ['published', 'killed'] }} empty="Nothing published yet." />
    </>
  );
}

export function DeskFilter() {
  const desks = useApp((s) => s.desks);
  const deskFilter = useApp((s) => s.deskFilter);
  const setDeskFilter = useApp((s) => s.setDeskFilter);
  const id = useId();
  return (
    <div className="desk-filter">
      <label htmlFor={id}>Desk filter</label>
      <select id={id} value={deskFilter} onChange={(e) => setDeskFilter(e.target.value)}>
        <option value="">All desks</option>
        {desks.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DeskQueue() {
  const desk = useApp((s) => s.deskFilter) || undefined;
  return (
    <>
      <QueueSection title="Submitted" filter={{ desk, status: ['submitted'] }} empty="Nothing waiting." />
      <QueueSection
        title="In edit"
        filter={{ desk, status: ['editing'] }}
        empty="Nothing in edit."
        extra={(item) => <span className="row-note">Held by {item.claimedByName ?? item.lockedBy ?? 'nobody'}</span>}
      />
      <QueueSection title="Approved" filter={{ desk, status: ['approved'] }} empty="Nothing approved." />
      <QueueSection
        title="Scheduled"
        filter={{ desk, status: ['scheduled'] }}
        empty="Nothing scheduled."
        extra={(item) => <span className="row-note">Publishes {fullTime(item.publishAt)}</span>}
      />
      <QueueSection title="Recently published" filter={{ desk, status: ['published'] }} empty="Nothing published yet." />
    </>
  );
}

export function PhotoQueue() {
  const desk = useApp((s) => s.deskFilter) || undefined;
  return (
    <QueueSection
      title="Needs photos"
      filter={{ desk, needsPhotos: true }}
      pageSize={50}
      empty="Every story has its photos."
      extra={(item) => (
        <span className="row-note">
          {item.photoCount === 0
            ? 'No photos'
            : `${item.photoCount} photo${item.photoCount === 1 ? '' : 's'}${item.photosIncomplete ? `, ${item.photosIncomplete} missing caption or credit` : ''}`}
        </span>
      )}
    />
  );
}

export function AllStories() {
  const desk = useApp((s) => s.deskFilter) || undefined;
  return <QueueSection title="All stories" filter={{ desk }} pageSize={50} empty="No stories yet." />;
}

export function SearchResults({ query }: { query: string }) {
  const desk = useApp((s) => s.deskFilter) || undefined;
  const page = usePagedStories({ query, desk }, 30);
  return (
    <SectionFrame title="Search results" count={page.loading && page.items.length === 0 ? null : page.total} capped={page.totalCapped}>
      <StoryRows {...page} empty={`No stories match “${query}”.`} />
    </SectionFrame>
  );
}
