import { useSearchParams } from 'react-router';
import { useAsOfDay } from '../../../app/as-of';
import { usePatchSearchParams } from '../../../app/search-params';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's day: `?asOf=` when the URL names one, else the as-of day (undefined while it loads); and its setter. */
export function useAsOfParam(): [string | undefined, (day: string | undefined) => void] {
  const [params] = useSearchParams();
  const fallback = useAsOfDay();
  const patch = usePatchSearchParams();
  const fromUrl = params.get('asOf');
  return [fromUrl && DAY.test(fromUrl) ? fromUrl : fallback, (day) => patch({ asOf: day })];
}
