import type { FamilyMessages } from './zh-CN';
import { familyEnKindergarten } from './en-texts/kindergarten';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...familyEnKindergarten,
};
