import type { FamilyMessages } from './zh-CN';
import { familyEnNotices } from './en-texts/notices';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...familyEnNotices,
};
