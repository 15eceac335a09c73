import { useEffect, useState } from 'preact/hooks';

/**
 * True once the page has had an idle moment after mounting (or after `timeout` ms at the latest).
 * Lets a view build what is not visible yet after what is (npm run bench, panel section).
 */
export function useIdle(timeout = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const handle = requestIdleCallback(() => setIdle(true), { timeout });
    return () => cancelIdleCallback(handle);
  }, []);
  return idle;
}
