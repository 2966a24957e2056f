import { useTranslation } from 'react-i18next';

/**
 * The family app's texts of this area. The family dictionary is not the staff app's typed one,
 * so keys are plain strings here, all under `attendance.`.
 */
export function useText(): (key: string, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return (key, options) => (t as unknown as (k: string, o?: Record<string, unknown>) => string)(`attendance.${key}`, options);
}
