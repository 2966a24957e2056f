import { useEffect, useState } from 'react';
import { Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResearchPerson } from '@shared/research-activities-types';
import { useMe } from '../../../app/auth';
import { listResearchPeople } from '../api/activities.api';
import type { SchoolChoice } from './SchoolsPicker';

export interface MemberOption {
  userId: number;
  name: string;
  /** Where they take part: a school's name, or the county or city whose officer they are. */
  place: string;
}

/**
 * The people who may be invited, loaded for the chosen schools: each school's teachers and
 * principal, the officers of those schools' counties and of the city (where the person may
 * invite them), and the members of the activity's group. Nodes the server refuses are left out.
 */
export function useMemberOptions(schools: SchoolChoice[], groupMembers: MemberOption[] = []) {
  const me = useMe();
  const { t } = useTranslation();
  const [options, setOptions] = useState<MemberOption[]>(groupMembers);
  const [loading, setLoading] = useState(false);
  const cityId = me.assignments.find((a) => a.countyId === null && a.cityId !== null && a.role !== 'parent')?.cityId ?? null;
  const key = schools.map((s) => s.id).sort().join(',');

  useEffect(() => {
    const controller = new AbortController();
    const ask = (node: Parameters<typeof listResearchPeople>[0], place: (p: ResearchPerson) => string) =>
      listResearchPeople(node, undefined, controller.signal).then((r) => r.items.map((p) => ({ userId: p.userId, name: p.name, place: place(p) })), () => []);
    const counties = [...new Map(schools.map((s) => [s.countyId, s.countyName])).entries()];
    setLoading(true);
    void Promise.all([
      ...schools.map((s) => ask({ schoolId: s.id }, (p) => `${s.name} · ${t(`roles.${p.role}` as 'roles.teacher')}`)),
      ...counties.map(([id, name]) => ask({ countyId: id }, (p) => `${name} · ${t(`roles.${p.role}` as 'roles.teacher')}`)),
      ...(cityId !== null ? [ask({ cityId }, (p) => t(`roles.${p.role}` as 'roles.teacher'))] : []),
    ]).then((lists) => {
      if (controller.signal.aborted) return;
      const seen = new Map<number, MemberOption>();
      // The schools' and counties' own answers name the place best; the known people fill in the rest.
      for (const o of [...lists.flat(), ...groupMembers]) if (!seen.has(o.userId)) seen.set(o.userId, o);
      setOptions([...seen.values()]);
      setLoading(false);
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cityId, groupMembers.length]);

  return { options, loading };
}

/** Two lists: the teachers who teach a lesson, and the observers (teachers or officers who review). */
export function MembersPicker({ options, loading, exclude }: { options: MemberOption[]; loading: boolean; exclude?: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const teachers: number[] = Form.useWatch('teacherIds', form) ?? [];
  const observers: number[] = Form.useWatch('observerIds', form) ?? [];
  const list = (others: number[]) => options.filter((o) => o.userId !== exclude && !others.includes(o.userId))
    .map((o) => ({ value: o.userId, label: `${o.name}（${o.place}）` }));
  return (
    <Flex vertical gap={0}>
      <Form.Item name="teacherIds" label={t('researchActivities.form.teachers')} extra={t('researchActivities.form.teachersHelp')}>
        <Select mode="multiple" loading={loading} options={list(observers)} showSearch={{ optionFilterProp: 'label' }} data-testid="member-teachers"
          placeholder={t('researchActivities.form.pickPeople')} notFoundContent={t('researchActivities.form.noPeople')} />
      </Form.Item>
      <Form.Item name="observerIds" label={t('researchActivities.form.observers')} extra={t('researchActivities.form.observersHelp')}>
        <Select mode="multiple" loading={loading} options={list(teachers)} showSearch={{ optionFilterProp: 'label' }} data-testid="member-observers"
          placeholder={t('researchActivities.form.pickPeople')} notFoundContent={t('researchActivities.form.noPeople')} />
      </Form.Item>
    </Flex>
  );
}
