import { zhShell } from './zh-CN-texts/shell';
import { zhChildConsent } from './zh-CN-texts/child-consent';
import { familyZhBinding } from './zh-CN-texts/binding';

/**
 * The family app's Chinese texts, its own small dictionary (the staff app's does not ship to
 * parents' phones): one file per area in zh-CN-texts/, each under its own top-level key.
 */
export const familyZhCN = {
  ...zhShell,
  ...zhChildConsent,
  ...familyZhBinding,
};

export type FamilyMessages = typeof familyZhCN;
