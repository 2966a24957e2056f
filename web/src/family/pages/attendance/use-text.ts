import { useFamilyT } from '../../family-text';

/**
 * The family app's texts of this area. The family dictionary is not the staff app's typed one,
 * so keys are plain strings here, all under `attendance.`.
 */
export function useText(): (key: string, options?: Record<string, unknown>) => string {
  const t = useFamilyT();
  return (key, options) => t(`attendance.${key}`, options);
}
