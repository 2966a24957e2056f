import { useEffect, useRef, useState } from 'react';
import { listSchools } from '../api/schools.api';

export interface SchoolOption {
  value: number;
  label: string;
}

export function schoolOption(school: { id: number; name: string; countyName: string }): SchoolOption {
  return { value: school.id, label: `${school.name} · ${school.countyName}` };
}

/**
 * Schools matching what the user types, asked of the server (a city has hundreds): debounced, and
 * a newer search aborts the one still running so a slow answer never overwrites a newer one.
 */
export function useSchoolSearch(countyId?: number) {
  const [options, setOptions] = useState<SchoolOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  function search(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      listSchools({ q: q.trim() || undefined, countyId, page: 1, pageSize: 30 }, current.signal)
        .then((page) => setOptions(page.items.map(schoolOption)))
        .catch(() => undefined)
        .finally(() => {
          if (!current.signal.aborted) setLoading(false);
        });
    }, 250);
  }

  useEffect(() => () => clearTimeout(timer.current), []);
  return { options, setOptions, loading, search };
}
