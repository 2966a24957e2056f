import { describe, expect, it } from 'vitest';
import type { Grant } from '../../access/actor.js';
import { featureRefusal, reviewLevelsAt, reviewNodesOf, stageAfterApproval, visibleAfterApproval } from './review-rules.js';

const place = { schoolId: 11, countyId: 2, cityId: 1 };
const g = (role: Grant['role'], at: { city?: number; county?: number | null; school?: number | null }, department: Grant['department'] = null): Grant =>
  ({ assignmentId: 0, role, department, cityId: at.city ?? 1, countyId: at.county ?? null, schoolId: at.school ?? null });

describe('review rules', () => {
  it('knows who reviews at which level', () => {
    expect(reviewLevelsAt([g('principal', { county: 2, school: 11 })], place)).toEqual(['school']);
    expect(reviewLevelsAt([g('principal', { county: 2, school: 12 })], place)).toEqual([]);
    expect(reviewLevelsAt([g('dept_staff', { county: 2 }, 'research')], place)).toEqual(['county']);
    expect(reviewLevelsAt([g('dept_staff', { county: 2 }, 'edtech')], place)).toEqual([]);
    expect(reviewLevelsAt([g('county_admin', { county: 3 })], place)).toEqual([]);
    expect(reviewLevelsAt([g('researcher', { county: 2 })], place)).toEqual([]);
    expect(reviewLevelsAt([g('researcher', {})], place)).toEqual(['city']);
    expect(reviewLevelsAt([g('city_admin', { city: 9 })], place)).toEqual([]);
    expect(reviewLevelsAt([g('principal', { county: 2, school: 11 }), g('city_admin', {})], place)).toEqual(['school', 'city']);
    expect(reviewNodesOf([g('county_admin', { county: 2 }), g('teacher', { county: 2, school: 11 })])).toEqual({ schoolIds: [], countyIds: [2], cityIds: [] });
  });

  it('moves a resource up the levels its requested scope needs', () => {
    expect(stageAfterApproval('school', 'school')).toBe('done');
    expect(stageAfterApproval('county', 'school')).toBe('county');
    expect(stageAfterApproval('county', 'county')).toBe('done');
    expect(stageAfterApproval('public', 'county')).toBe('city');
    expect(stageAfterApproval('public', 'city')).toBe('done');
  });

  it('widens visibility per level, within the request and the consent cap, never narrowing what is visible', () => {
    const s = (requestedScope: 'school' | 'county' | 'city' | 'public', visibleScope: 'school' | 'county' | 'city' | 'public' | null, consentCap: 'school' | 'county' | 'city' | 'public' | null) =>
      ({ requestedScope, visibleScope, consentCap });
    expect(visibleAfterApproval(s('public', null, null), 'school')).toBe('school');
    expect(visibleAfterApproval(s('public', 'school', null), 'county')).toBe('county');
    expect(visibleAfterApproval(s('public', 'county', null), 'city')).toBe('public');
    expect(visibleAfterApproval(s('city', 'county', 'county'), 'city')).toBe('county');
    expect(visibleAfterApproval(s('county', null, 'school'), 'county')).toBe('school');
    // Resubmitted after a return at the city: the school's approval keeps it county-wide.
    expect(visibleAfterApproval(s('public', 'county', null), 'school')).toBe('county');
    // The publisher narrowed the request: the wider earlier visibility goes.
    expect(visibleAfterApproval(s('school', 'county', null), 'school')).toBe('school');
  });

  it('lets the county give 优课 and the city 精品课, on published resources wide enough', () => {
    expect(featureRefusal('county', 'done', 'county', null, 'quality')).toBeNull();
    expect(featureRefusal('county', 'done', 'county', null, 'premium')).toBe('level');
    expect(featureRefusal('school', 'done', 'county', null, 'quality')).toBe('level');
    expect(featureRefusal('city', 'city', 'county', null, 'premium')).toBe('not_done');
    expect(featureRefusal('city', 'done', 'county', null, 'premium')).toBe('scope');
    expect(featureRefusal('county', 'done', 'school', null, 'quality')).toBe('scope');
    expect(featureRefusal('county', 'done', 'public', 'premium', null)).toBe('premium_is_city');
    expect(featureRefusal('city', 'done', 'public', 'premium', null)).toBeNull();
    expect(featureRefusal('school', 'done', 'public', 'quality', null)).toBe('level');
  });
});
