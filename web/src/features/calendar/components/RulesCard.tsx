import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Select, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { QuotaRule, RuleList } from '@shared/calendar-api-types';
import { SCHOOL_KINDS, type SchoolKind } from '@shared/domain';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { type CalendarPlace, createRule, updateRule } from '../api/calendar.api';

interface Values { schoolKind: SchoolKind | 'all'; minLessons: number; effectiveFrom: Dayjs; effectiveTo?: Dayjs | null }

/** The quota rules in force at the place, with their dates; the article's default where none applies. */
export function RulesCard({ rules, error, place, canAdd, onChanged }: {
  rules: RuleList | undefined;
  error: unknown;
  place: CalendarPlace;
  canAdd: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<QuotaRule | 'new' | null>(null);
  const fallback = rules?.defaultMinLessons ?? 2;

  async function save(values: Values) {
    const body = {
      schoolKind: values.schoolKind === 'all' ? null : values.schoolKind, minLessons: values.minLessons,
      effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'), effectiveTo: values.effectiveTo ? values.effectiveTo.format('YYYY-MM-DD') : null,
    };
    const res = editing === 'new' ? await createRule({ ...place, ...body } as Parameters<typeof createRule>[0]) : await updateRule((editing as QuotaRule).id, body);
    message.success(t('calendar.rules.saved', { n: res.recomputed }));
    setEditing(null);
    onChanged();
  }

  return (
    <Card title={t('calendar.rules.title')} variant="borderless" style={{ marginBottom: 16 }} data-testid="rules-card"
      extra={canAdd ? <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('calendar.rules.add')}</Button> : undefined}>
      <Typography.Paragraph type="secondary">{t('calendar.rules.note', { n: fallback })}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Table<QuotaRule>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules?.rules ?? []}
        loading={!rules && !error}
        locale={{ emptyText: t('calendar.rules.empty', { n: fallback }) }}
        columns={[
          { title: t('calendar.place'), dataIndex: 'level', width: 120, render: (level: QuotaRule['level']) => t(`calendar.levels.${level}`) },
          { title: t('calendar.rules.kind'), dataIndex: 'schoolKind', width: 130, render: (k: SchoolKind | null) => (k ? t(`schoolKinds.${k}`) : t('calendar.rules.kindAll')) },
          { title: t('calendar.rules.minLessons'), dataIndex: 'minLessons', width: 120, align: 'right' },
          { title: t('calendar.rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 130 },
          { title: t('calendar.rules.effectiveTo'), dataIndex: 'effectiveTo', width: 130, render: (d: string | null) => d ?? t('calendar.rules.openEnded') },
          {
            title: t('common.actions'), key: 'actions', width: 90,
            render: (_, r) => (r.editable ? <Button type="link" size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button> : null),
          },
        ]}
      />
      {editing ? (
        <FormModal<Values>
          title={editing === 'new' ? t('calendar.rules.add') : t('calendar.rules.edit')}
          onClose={() => setEditing(null)}
          onSubmit={save}
          initialValues={editing === 'new' ? { schoolKind: 'all', minLessons: fallback } : {
            schoolKind: editing.schoolKind ?? 'all', minLessons: editing.minLessons, effectiveFrom: dayjs(editing.effectiveFrom),
            effectiveTo: editing.effectiveTo ? dayjs(editing.effectiveTo) : null,
          }}
        >
          <Form.Item name="schoolKind" label={t('calendar.rules.kind')}>
            <Select options={[{ value: 'all', label: t('calendar.rules.kindAll') }, ...SCHOOL_KINDS.map((k) => ({ value: k, label: t(`schoolKinds.${k}`) }))]} />
          </Form.Item>
          <Form.Item name="minLessons" label={t('calendar.rules.minLessons')} rules={[{ required: true }]}>
            <InputNumber min={0} max={20} precision={0} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('calendar.rules.effectiveFrom')} rules={[{ required: true }]}>
            <PlatformDatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="effectiveTo" label={t('calendar.rules.effectiveTo')} extra={t('calendar.rules.openEnded')}>
            <PlatformDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
