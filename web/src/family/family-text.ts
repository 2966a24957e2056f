import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '@shared/dates';

export type FamilyT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The family pages' `t` over the family app's own dictionary (i18n/zh-CN.ts). react-i18next's
 * declared resources type the staff app's keys, so here keys are strings; each area narrows them.
 */
export function useFamilyT(): FamilyT {
  const { t } = useTranslation();
  return t as unknown as FamilyT;
}

/** Today in Asia/Shanghai (YYYY-MM-DD), as the server counts school days. */
export const shanghaiToday = (): string => shanghaiDate(new Date());
