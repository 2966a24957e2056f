import type { FamilyMessages } from './zh-CN';
import { familyEnMessages } from './en-texts/messages';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...familyEnMessages,
};
