import { describe, expect, it } from 'vitest';
import type { Grant } from '../../access/actor.js';
import { shanghaiDay } from './uses.queries.js';
import { usePlaceOf } from './uses.service.js';

const grant = (g: Partial<Grant> & Pick<Grant, 'role'>): Grant => ({ assignmentId: 1, department: null, cityId: null, countyId: null, schoolId: null, ...g });

describe('where a use counts', () => {
  it('takes the school grant first, with its county and city', () => {
    const grants = [grant({ role: 'researcher', cityId: 1, countyId: 2 }), grant({ role: 'teacher', cityId: 1, countyId: 3, schoolId: 30 })];
    expect(usePlaceOf(grants)).toEqual({ schoolId: 30, countyId: 3, cityId: 1 });
  });

  it('gives bureau staff their county (or city) and no school', () => {
    expect(usePlaceOf([grant({ role: 'dept_staff', department: 'research', cityId: 1, countyId: 2 })])).toEqual({ schoolId: null, countyId: 2, cityId: 1 });
    expect(usePlaceOf([grant({ role: 'city_admin', cityId: 1 })])).toEqual({ schoolId: null, countyId: null, cityId: 1 });
  });

  it('ignores grants that read no resources (a parent\'s school is not where a teacher\'s use counts)', () => {
    const grants = [grant({ role: 'parent', cityId: 1, countyId: 2, schoolId: 20 }), grant({ role: 'county_admin', cityId: 1, countyId: 2 })];
    expect(usePlaceOf(grants)).toEqual({ schoolId: null, countyId: 2, cityId: 1 });
    expect(usePlaceOf([grant({ role: 'sysadmin' })])).toEqual({ schoolId: null, countyId: null, cityId: null });
  });

  it('counts on the Asia/Shanghai day', () => {
    expect(shanghaiDay(new Date('2018-04-09T16:00:00Z'))).toBe('2018-04-10');
    expect(shanghaiDay(new Date('2018-04-09T15:59:59Z'))).toBe('2018-04-09');
  });
});
