import { familyZhAttendance } from './zh-CN-texts/attendance';

/**
 * The family app's Chinese texts, its own small dictionary (the staff app's does not ship to
 * parents' phones): one file per area in zh-CN-texts/, each under its own top-level key.
 */
export const familyZhCN = {
  ...familyZhAttendance,
};

export type FamilyMessages = typeof familyZhCN;
