import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, for countdowns such as link expiry and ETA. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
