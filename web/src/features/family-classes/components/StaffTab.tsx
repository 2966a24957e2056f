import { useState } from 'react';
import { Alert, Button, Flex, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassStaffList } from '@shared/family-binding-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { addClassStaff, classStaff, removeClassStaff } from '../api/family-classes.api';
import { useAction } from './use-action';

type Member = ClassStaffList['items'][number];

/** A class's 班主任 and 任课教师; the school's principal adds, changes and removes them. */
export function StaffTab({ classId, onChanged }: { classId: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const staff = useApi((signal) => classStaff(classId, signal), [classId]);
  const [userId, setUserId] = useState<number | undefined>(undefined);
  const [duty, setDuty] = useState<'head' | 'subject'>('subject');
  const [subject, setSubject] = useState('');
  const canEdit = staff.data?.canEdit ?? false;
  const reload = () => { staff.reload(); onChanged(); };

  return (
    <>
      {staff.error ? <ErrorAlert error={staff.error} onRetry={staff.reload} /> : null}
      {staff.data && !canEdit ? <Alert type="info" showIcon title={t('familyClasses.staff.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {canEdit ? (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            showSearch optionFilterProp="label" placeholder={t('familyClasses.staff.pickTeacher')} style={{ width: 200 }} value={userId} onChange={setUserId}
            options={(staff.data?.teachers ?? []).map((p) => ({ value: p.userId, label: p.name }))} data-testid="class-staff-teacher"
          />
          <Select value={duty} onChange={setDuty} style={{ width: 120 }} options={[{ value: 'head', label: t('familyClasses.staff.head') }, { value: 'subject', label: t('familyClasses.staff.subjectTeacher') }]} />
          <Input placeholder={t('familyClasses.staff.subject')} value={subject} maxLength={20} onChange={(e) => setSubject(e.target.value)} style={{ width: 140 }} />
          <Button type="primary" disabled={!userId} data-testid="class-staff-add"
            onClick={() => userId && action(() => addClassStaff(classId, { userId, duty, subject: subject.trim() }), t('familyClasses.staff.saved'), () => { setUserId(undefined); setSubject(''); reload(); })}>
            {t('familyClasses.staff.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<Member>
        rowKey="userId"
        size="small"
        loading={staff.loading}
        dataSource={staff.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('familyClasses.staff.empty') }}
        columns={[
          { title: t('familyClasses.staff.name'), dataIndex: 'name' },
          { title: t('familyClasses.staff.duty'), dataIndex: 'duty', render: (v: Member['duty']) => <Tag color={v === 'head' ? 'blue' : 'default'}>{t(v === 'head' ? 'familyClasses.staff.head' : 'familyClasses.staff.subjectTeacher')}</Tag> },
          { title: t('familyClasses.staff.subject'), dataIndex: 'subject' },
          ...(canEdit ? [{
            title: t('familyClasses.actions'), key: 'actions', width: 120,
            render: (_: unknown, m: Member) => (
              <Popconfirm title={t('familyClasses.staff.removeConfirm', { name: m.name })} onConfirm={() => action(() => removeClassStaff(classId, m.userId), t('familyClasses.staff.removed'), reload)}>
                <Button size="small" danger>{t('familyClasses.staff.remove')}</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </>
  );
}
