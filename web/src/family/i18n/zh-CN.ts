import { familyZhKindergarten } from './zh-CN-texts/kindergarten';
import { zhShell } from './zh-CN-texts/shell';
import { familyZhBinding } from './zh-CN-texts/binding';
import { zhChildConsent } from './zh-CN-texts/child-consent';
import { familyZhMessages } from './zh-CN-texts/messages';

/**
 * The family app's Chinese texts, its own small dictionary (the staff app's does not ship to
 * parents' phones): one file per area in zh-CN-texts/, each under its own top-level key.
 */
export const familyZhCN = {
  ...familyZhKindergarten,
  ...zhShell,
  ...familyZhBinding,
  ...zhChildConsent,
  ...familyZhMessages,
};

export type FamilyMessages = typeof familyZhCN;
