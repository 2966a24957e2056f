import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RoutineChild } from '@shared/routine-api-types';
import { routineChildren } from './routine.api';

/** Loads something for the current value, aborting the previous request when the value changes. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    const ctl = new AbortController();
    setState({ data: null, error: null });
    load(ctl.signal).then((data) => setState({ data, error: null }), (e: unknown) => {
      if (!ctl.signal.aborted) setState({ data: null, error: e instanceof Error ? e.message : String(e) });
    });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

/** The guardian's children and the one the page is about (?child=, else the first). */
export function useRoutineChild() {
  const [params, setParams] = useSearchParams();
  const { data, error } = useLoad((signal) => routineChildren(signal), []);
  const children = data?.items ?? [];
  const wanted = Number(params.get('child'));
  const child: RoutineChild | null = children.find((c) => c.id === wanted) ?? children[0] ?? null;
  const choose = (id: number) => setParams((p) => { p.set('child', String(id)); return p; });
  return { children, child, choose, loading: !data && !error, error };
}
