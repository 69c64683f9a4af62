// The side panel's tabs (Checks, Comments, History, Photos) with their counts; the arrow keys
// move between them.
import { useRef } from 'react';

export type Tab = 'checks' | 'comments' | 'history' | 'photos';

const TABS: [Tab, string][] = [
  ['checks', 'Checks'],
  ['comments', 'Comments'],
  ['history', 'History'],
  ['photos', 'Photos'],
];

export function Tabs({ tab, setTab, counts }: { tab: Tab; setTab(t: Tab): void; counts: Partial<Record<Tab, number>> }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  return (
    <div className="tabs" role="tablist" aria-label="Story tools">
      {TABS.map(([t, label], i) => (
        <button
          key={t}
          ref={(el) => {
            refs.current[t] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={tab === t}
          aria-controls={`tabpanel-${t}`}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => setTab(t)}
          onKeyDown={(e) => {
            const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!d) return;
            e.preventDefault();
            const next = TABS[(i + d + TABS.length) % TABS.length]![0];
            setTab(next);
            refs.current[next]?.focus();
          }}
        >
          {label}
          {counts[t] ? <span className="tab-count"> {counts[t]}</span> : null}
        </button>
      ))}
    </div>
  );
}
