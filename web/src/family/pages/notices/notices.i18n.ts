import { type FamilyT, useFamilyT } from '../../family-text';
import type { familyZhNotices } from '../../i18n/zh-CN-texts/notices';

type Keys = keyof (typeof familyZhNotices)['notices'];

/**
 * The notices pages' `t`, over the family app's own dictionary (i18n/zh-CN-texts/notices.ts):
 * typed by this area's keys, as react-i18next's declared resources are the staff app's.
 */
export function useNoticesT(): (key: `notices.${Keys}`, options?: Record<string, unknown>) => string {
  return useFamilyT() as FamilyT;
}
