import { describe, expect, it } from 'vitest';
import { type DeadlineRule, deadlineApplies, dueItems, metBy, overdueItems, requirementDepartment, type SchoolState } from './rollout.rules.js';

const BUILT_BY_0430: DeadlineRule = { id: 1, name: '已建成', dueOn: '2018-04-30', appliesTo: 'built', batchCode: null, requires: ['activated', 'named_person'] };
const NEW_BY_0531: DeadlineRule = { id: 2, name: '未实施', dueOn: '2018-05-31', appliesTo: 'new', batchCode: '2018-08', requires: ['registered', 'activated', 'installed'] };
const NONE = { plannedOn: null, doneOn: null };

function school(over: Partial<SchoolState> = {}): SchoolState {
  return {
    kind: 'primary', batch: '2018-08', built: false, batchDueOn: '2018-08-31', namedSince: null,
    milestones: { registered: NONE, installed: NONE, activated: NONE, in_regular_use: NONE }, ...over,
  };
}

describe('rollout rules (the article of 2018-04-04)', () => {
  it('routes recording rooms to the 教科所 and the programme to the 电教馆 or the 学前教研室', () => {
    expect(requirementDepartment('installed', 'primary')).toBe('research');
    expect(requirementDepartment('in_regular_use', 'kindergarten')).toBe('research');
    expect(requirementDepartment('registered', 'junior')).toBe('edtech');
    expect(requirementDepartment('activated', 'nine_year')).toBe('edtech');
    expect(requirementDepartment('named_person', 'kindergarten')).toBe('preschool');
  });

  it('holds built schools to 04-30 and the 2018-08 batch\'s new ones to 05-31', () => {
    expect(deadlineApplies(BUILT_BY_0430, school({ built: true, batch: '2019-02' }))).toBe(true);
    expect(deadlineApplies(BUILT_BY_0430, school())).toBe(false);
    expect(deadlineApplies(NEW_BY_0531, school())).toBe(true);
    expect(deadlineApplies(NEW_BY_0531, school({ batch: '2019-02' }))).toBe(false);
  });

  it('takes the earliest of plan, deadline and batch due date', () => {
    const s = school({ milestones: { registered: { plannedOn: '2018-03-20', doneOn: null }, installed: { plannedOn: '2018-07-01', doneOn: null }, activated: NONE, in_regular_use: NONE } });
    const due = new Map(dueItems(s, [BUILT_BY_0430, NEW_BY_0531]).map((d) => [d.requirement, d]));
    expect(due.get('registered')).toMatchObject({ dueOn: '2018-03-20', source: 'plan' });
    expect(due.get('installed')).toMatchObject({ dueOn: '2018-05-31', source: 'deadline', department: 'research' });
    expect(due.has('named_person')).toBe(false);
    expect(due.has('in_regular_use')).toBe(false);
  });

  it('is overdue from the day after the due date, until done as of the day asked', () => {
    const s = school({ built: true, milestones: { registered: NONE, installed: NONE, activated: { plannedOn: null, doneOn: '2018-04-20' }, in_regular_use: NONE }, namedSince: '2018-05-03' });
    const at = (day: string) => overdueItems(s, [BUILT_BY_0430], day).map((d) => d.requirement);
    expect(at('2018-04-30')).toEqual([]);
    expect(at('2018-05-01')).toEqual(['named_person']);
    expect(at('2018-05-03')).toEqual([]);
    expect(metBy(s, 'activated', '2018-04-19')).toBe(false);
    // Before the activation was done, as of a day after the deadline, both are overdue.
    const early = school({ built: true });
    expect(overdueItems(early, [BUILT_BY_0430], '2018-05-01').map((d) => d.requirement).sort()).toEqual(['activated', 'named_person']);
  });
});
