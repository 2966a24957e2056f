import { zhShell } from './zh-CN-texts/shell';
import { familyZhAttendance } from './zh-CN-texts/attendance';
import { familyZhBinding } from './zh-CN-texts/binding';
import { zhChildConsent } from './zh-CN-texts/child-consent';
import { familyZhKindergarten } from './zh-CN-texts/kindergarten';
import { familyZhMessages } from './zh-CN-texts/messages';
import { familyZhNotices } from './zh-CN-texts/notices';
import { familyZhRoutine } from './zh-CN-texts/routine';
import { familyZhLiveKg } from './zh-CN-texts/live-kg';

/**
 * The family app's Chinese texts, its own small dictionary (the staff app's does not ship to
 * parents' phones): one file per area in zh-CN-texts/, each under its own top-level key.
 */
export const familyZhCN = {
  ...zhShell,
  ...familyZhAttendance,
  ...familyZhBinding,
  ...zhChildConsent,
  ...familyZhKindergarten,
  ...familyZhMessages,
  ...familyZhNotices,
  ...familyZhRoutine,
  ...familyZhLiveKg,
};

export type FamilyMessages = typeof familyZhCN;
