import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { QueryValue } from '../api/client';

// List pages keep their filters and page in the URL, so a filtered list can be bookmarked,
// shared with a colleague, and survives the back button.

export function readString(params: URLSearchParams, key: string): string | undefined {
  return params.get(key)?.trim() || undefined;
}

export function readInt(params: URLSearchParams, key: string): number | undefined {
  const value = Number(params.get(key));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function readEnum<T extends string>(params: URLSearchParams, key: string, values: readonly T[]): T | undefined {
  const value = params.get(key);
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function readBool(params: URLSearchParams, key: string): boolean | undefined {
  const value = params.get(key);
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Page and page size from the URL, within the server's limits. */
export function readPaging(params: URLSearchParams, defaultSize = 20): { page: number; pageSize: number } {
  return { page: readInt(params, 'page') ?? 1, pageSize: Math.min(readInt(params, 'pageSize') ?? defaultSize, 100) };
}

/**
 * Returns a function that changes some URL parameters and keeps the rest. Changing a filter
 * goes back to page 1 unless the patch names the page itself.
 */
export function usePatchSearchParams(): (patch: Record<string, QueryValue>) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (patch) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
}
