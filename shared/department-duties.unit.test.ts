import { describe, expect, it } from 'vitest';
import { departmentAnswersFor, departmentFor, keepsRecordingRooms, PROGRAMME_KINDS, programmeGroupsOf } from './department-duties.js';

describe('department duties', () => {
  it('gives the recording rooms to the 教科所 and the programme to the 电教馆 or the 学前教研室 by school kind', () => {
    expect(departmentFor('recording', 'kindergarten')).toBe('research');
    expect(departmentFor('programme', 'kindergarten')).toBe('preschool');
    expect(departmentFor('programme', 'primary')).toBe('edtech');
    expect(departmentFor('programme', 'nine_year')).toBe('edtech');
  });

  it('lets the 教科所 answer for every school, the others for their own kinds', () => {
    expect(departmentAnswersFor('research', 'kindergarten')).toBe(true);
    expect(departmentAnswersFor('edtech', 'junior')).toBe(true);
    expect(departmentAnswersFor('edtech', 'kindergarten')).toBe(false);
    expect(departmentAnswersFor('preschool', 'primary')).toBe(false);
    expect(PROGRAMME_KINDS.preschool).toEqual(['kindergarten']);
    expect(programmeGroupsOf('edtech')).toEqual(['primaryAndJunior']);
    expect(programmeGroupsOf(null)).toEqual(['kindergarten', 'primaryAndJunior']);
  });

  it('lets only the 教科所 of a county bureau\'s departments keep recording rooms', () => {
    expect(keepsRecordingRooms({ role: 'dept_staff', department: 'research' })).toBe(true);
    expect(keepsRecordingRooms({ role: 'dept_staff', department: 'edtech' })).toBe(false);
    expect(keepsRecordingRooms({ role: 'principal', department: null })).toBe(true);
  });
});
