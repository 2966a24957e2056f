import type { FamilyMessages } from './zh-CN';
import { enShell } from './en-texts/shell';
import { enChildConsent } from './en-texts/child-consent';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...enShell,
  ...enChildConsent,
import { familyEnBinding } from './en-texts/binding';

/** The family app's English texts, the same keys as zh-CN.ts, one file per area in en-texts/. */
export const familyEn: FamilyMessages = {
  ...familyEnBinding,
};
