import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupDetail, GroupKind } from '@shared/research-activities-types';
import { useMe } from '../../../app/auth';
import { FormModal } from '../../../app/components/FormModal';
import { SUBJECTS } from '../../recordings/components/subjects';
import { getSchool } from '../../schools/api/schools.api';
import { SchoolSelect } from '../../schools/components/SchoolSelect';
import { createGroup, GROUP_KINDS, updateGroup } from '../api/groups.api';
import { useMemberOptions, type MemberOption } from './MembersPicker';
import { type SchoolChoice, SchoolsPicker } from './SchoolsPicker';

interface Values {
  kind: GroupKind;
  name: string;
  subject?: string;
  description?: string;
  schoolId?: number;
  schools?: SchoolChoice[];
  leaderUserId: number;
  memberIds?: number[];
}

/**
 * Sets up a group (a school's 教研组: its principal; a 名师工作室: county or city officers) or edits
 * one: its name, subject, leader and members, picked from the teachers of its school (or of the
 * schools chosen for a studio).
 */
export function GroupFormModal({ group, onClose, onSaved }: { group?: GroupDetail; onClose: () => void; onSaved: (g: GroupDetail) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const kind: GroupKind = Form.useWatch('kind', form) ?? group?.kind ?? 'subject_group';
  const schoolId: number | undefined = Form.useWatch('schoolId', form);
  const studioSchools: SchoolChoice[] = Form.useWatch('schools', form) ?? [];
  const [school, setSchool] = useState<SchoolChoice | null>(null);
  const officer = me.assignments.some((a) => a.schoolId === null && a.role !== 'parent');
  const principalSchool = me.assignments.find((a) => a.role === 'principal')?.schoolId ?? undefined;

  useEffect(() => {
    if (!schoolId) return setSchool(null);
    const controller = new AbortController();
    getSchool(schoolId, controller.signal).then((s) => setSchool({ id: s.id, name: s.name, countyId: s.countyId, countyName: s.countyName }), () => undefined);
    return () => controller.abort();
  }, [schoolId]);

  const known = useMemo<MemberOption[]>(() => (group?.members ?? []).map((m) => ({ userId: m.userId, name: m.name, place: m.schoolName ?? group!.nodeName })), [group]);
  const schools = group ? [] : kind === 'subject_group' ? (school ? [school] : []) : studioSchools;
  const people = useMemberOptions(schools, known);
  const options = people.options.map((o) => ({ value: o.userId, label: `${o.name}（${o.place}）` }));

  async function onSubmit(values: Values) {
    const body = { name: values.name.trim(), subject: values.subject?.trim() ?? '', description: values.description?.trim() ?? '', leaderUserId: values.leaderUserId, memberIds: values.memberIds ?? [] };
    const saved = group
      ? await updateGroup(group.id, body)
      : await createGroup({ ...body, kind: values.kind, schoolId: values.kind === 'subject_group' ? values.schoolId : undefined });
    onSaved(saved);
  }

  return (
    <FormModal<Values>
      title={group ? t('researchGroups.edit') : t('researchGroups.create')}
      form={form}
      onClose={onClose}
      onSubmit={onSubmit}
      width={640}
      initialValues={group ? {
        kind: group.kind, name: group.name, subject: group.subject, description: group.description, leaderUserId: group.leaderUserId,
        memberIds: group.members.filter((m) => m.role === 'member').map((m) => m.userId),
      } : { kind: officer ? 'master_studio' : 'subject_group', schoolId: principalSchool, schools: [] }}
    >
      {!group ? (
        <Form.Item name="kind" label={t('researchGroups.kind')} rules={[{ required: true }]}>
          <Select options={GROUP_KINDS.map((k) => ({ value: k, label: t(`researchGroups.kinds.${k}`) }))} data-testid="group-kind" />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label={t('researchGroups.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} data-testid="group-name" />
      </Form.Item>
      <Form.Item name="subject" label={t('researchGroups.subject')}>
        <AutoComplete options={SUBJECTS.map((value) => ({ value }))} maxLength={20} />
      </Form.Item>
      {!group && kind === 'subject_group' ? (
        <Form.Item name="schoolId" label={t('researchGroups.school')} rules={[{ required: true }]}>
          <SchoolSelect aria-label={t('researchGroups.school')} />
        </Form.Item>
      ) : null}
      {!group && kind === 'master_studio' ? (
        <Form.Item name="schools" label={t('researchGroups.studioSchools')} extra={t('researchGroups.studioSchoolsHelp')}>
          <SchoolsPicker />
        </Form.Item>
      ) : null}
      <Form.Item name="leaderUserId" label={t('researchGroups.leader')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={people.loading} options={options} data-testid="group-leader" />
      </Form.Item>
      <Form.Item name="memberIds" label={t('researchGroups.members')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={people.loading} options={options} data-testid="group-members" />
      </Form.Item>
      <Form.Item name="description" label={t('researchGroups.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('researchGroups.help')}</Typography.Paragraph>
    </FormModal>
  );
}
