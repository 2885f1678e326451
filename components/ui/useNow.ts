'use client';

import { useEffect, useState } from 'react';

/** Seconds since the epoch, ticking every `intervalMs`: for live countdowns. */
export function useNowSeconds(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const id = setInterval(() => setNow(Math.floor(Date.now() / 1000)), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
