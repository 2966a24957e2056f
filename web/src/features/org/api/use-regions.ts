import { useMemo } from 'react';
import type { Region } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { listRegions } from './org.api';

/** The regions the caller sees, split into the city (or cities) and counties, for filters and forms. */
export function useRegions(): { cities: Region[]; counties: Region[]; loading: boolean } {
  const { data, loading } = useApi((signal) => listRegions(signal), []);
  return useMemo(
    () => ({
      cities: (data ?? []).filter((region) => region.level === 'city'),
      counties: (data ?? []).filter((region) => region.level === 'county'),
      loading,
    }),
    [data, loading],
  );
}
