import type { FamilyMessages } from './zh-CN';
import { familyEnAttendance } from './en-texts/attendance';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...familyEnAttendance,
};
