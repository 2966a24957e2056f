import { useTranslation } from 'react-i18next';
import type { familyZhNotices } from '../../i18n/zh-CN-texts/notices';

type Keys = keyof (typeof familyZhNotices)['notices'];

/**
 * The notices pages' `t`, over the family app's own dictionary (i18n/zh-CN-texts/notices.ts):
 * typed by this area's keys, as react-i18next's declared resources are the staff app's.
 */
export function useNoticesT(): (key: `notices.${Keys}`, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return t as unknown as (key: string, options?: Record<string, unknown>) => string;
}
