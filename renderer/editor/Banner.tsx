import type { ReactNode } from 'react';

/** A notice above the story: errors and warnings are alerts, information is a status. */
export function Banner({ kind, children }: { kind: 'error' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {children}
    </div>
  );
}
