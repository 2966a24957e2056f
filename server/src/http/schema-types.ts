import { Type } from 'typebox';

/**
 * A calendar day as YYYY-MM-DD that exists: format `date` is checked in full, so 2018-02-30 and
 * 6283-73-37 are refused with DATE_INVALID wherever a route takes a day.
 */
export const dayText = (description = 'YYYY-MM-DD (Asia/Shanghai)') =>
  Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
