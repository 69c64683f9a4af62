// Seconds left until a moment, ticking once a second; 0 when there is none or it has passed.
import { useEffect, useState } from 'react';
import { secondsLeft } from './retryAfter.js';

export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const t = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) clearInterval(t);
    }, 250);
    return () => clearInterval(t);
  }, [until]);
  return until === null ? 0 : secondsLeft(until, now);
}
