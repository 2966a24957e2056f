import type { FamilyMessages } from './zh-CN';
import { enShell } from './en-texts/shell';
import { familyEnAttendance } from './en-texts/attendance';
import { familyEnBinding } from './en-texts/binding';
import { enChildConsent } from './en-texts/child-consent';
import { familyEnKindergarten } from './en-texts/kindergarten';
import { familyEnMessages } from './en-texts/messages';
import { familyEnNotices } from './en-texts/notices';
import { familyEnRoutine } from './en-texts/routine';
import { familyEnLiveKg } from './en-texts/live-kg';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...enShell,
  ...familyEnAttendance,
  ...familyEnBinding,
  ...enChildConsent,
  ...familyEnKindergarten,
  ...familyEnMessages,
  ...familyEnNotices,
  ...familyEnRoutine,
  ...familyEnLiveKg,
};
