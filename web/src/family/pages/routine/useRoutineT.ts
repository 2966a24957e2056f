import { useFamilyT } from '../../family-text';

/**
 * The family app's texts (family/i18n, key `routine`) through react-i18next. The staff app's
 * typed keys do not cover the family dictionary, so keys are plain strings here.
 */
export function useRoutineT(): (key: string, options?: Record<string, unknown>) => string {
  return useFamilyT();
}
