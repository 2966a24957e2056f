import { useFamilyT } from '../../family-text';
import { useCallback, useEffect, useState } from 'react';

/** Loads once and on `reload()`; the error is the server's message, for a Toast or a line on the page. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    const ctl = new AbortController();
    run(ctl.signal).then(setData, (e: unknown) => { if (!ctl.signal.aborted) setError(e instanceof Error ? e.message : String(e)); });
    return () => ctl.abort();
  }, [run, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

/** HH:MM of an ISO instant in Asia/Shanghai, as the teacher's desk and the parent read it. */
export const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

export { shanghaiToday } from '../../family-text';

/**
 * The family dictionary's `kindergarten.*` texts. The family app's dictionary is not the staff
 * app's typed one (i18n.ts), so keys are plain strings here; en-texts is checked against zh-CN.
 */
export function useKgText(): (key: string, options?: Record<string, unknown>) => string {
  return useFamilyT();
}
