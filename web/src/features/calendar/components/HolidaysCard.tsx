import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarDay, PublicDays } from '@shared/calendar-api-types';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FormModal } from '../../../app/components/FormModal';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { savePublicDays } from '../api/calendar.api';

interface HolidayRow {
  key: string;
  from: string;
  to: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

/** Consecutive days of one holiday make one row (国庆节 10-01 至 10-07); 调休 days stand alone. */
function groupDays(days: CalendarDay[]): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const d of days) {
    if (!d.publicDay) continue;
    const last = rows[rows.length - 1];
    const next = last ? dayjs(last.to).add(1, 'day').format('YYYY-MM-DD') : null;
    if (last && d.publicDay.kind === 'holiday' && last.kind === 'holiday' && last.name === d.publicDay.name && next === d.day) last.to = d.day;
    else rows.push({ key: d.day, from: d.day, to: d.day, kind: d.publicDay.kind, name: d.publicDay.name });
  }
  return rows;
}

interface EntryValues { days: { day: Dayjs; kind: 'holiday' | 'makeup_workday'; name: string }[] }

/**
 * The national holidays and 调休 days of the school year; a warning, and the city's own entry,
 * for a year the dataset does not cover yet.
 */
export function HolidaysCard({ year, days, loading, error, entered, cityId, onChanged }: {
  year: number;
  days: CalendarDay[];
  loading: boolean;
  error: unknown;
  /** The city's entries of the school year's two calendar years. */
  entered: PublicDays[] | undefined;
  cityId: number;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PublicDays | null>(null);
  const rows = groupDays(days);
  const uncovered = (entered ?? []).filter((e) => !e.datasetCovers);
  const enteredDays = new Set((entered ?? []).flatMap((e) => e.days.map((d) => d.day)));

  async function save(values: EntryValues) {
    const res = await savePublicDays({
      cityId, year: editing!.year,
      days: (values.days ?? []).map((d) => ({ day: d.day.format('YYYY-MM-DD'), kind: d.kind, name: d.name })),
    });
    message.success(t('calendar.holidays.saved', { n: res.saved, m: res.recomputed }));
    setEditing(null);
    onChanged();
  }

  return (
    <Card title={t('calendar.holidays.title')} variant="borderless" style={{ marginBottom: 16 }} data-testid="holidays-card"
      extra={<Typography.Text type="secondary">{t('calendar.holidays.note')}</Typography.Text>}>
      {uncovered.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="dataset-warning"
          title={t('calendar.holidays.missing', { last: uncovered[0]!.datasetLastYear, years: uncovered.map((e) => e.year).join('、') })}
          action={
            <Flex vertical gap={4}>
              {uncovered.filter((e) => e.editable).map((e) => (
                <Button key={e.year} size="small" onClick={() => setEditing(e)} data-testid={`enter-holidays-${e.year}`}>
                  {e.days.length ? t('calendar.holidays.edit', { year: e.year }) : t('calendar.holidays.enter', { year: e.year })}
                </Button>
              ))}
            </Flex>
          }
        />
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Table<HolidayRow>
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('calendar.holidays.empty') }}
        columns={[
          { title: t('calendar.holidays.day'), key: 'day', width: 220, render: (_, r) => (r.from === r.to ? r.from : `${r.from} ~ ${r.to}`) },
          {
            title: t('calendar.holidays.kind'), dataIndex: 'kind', width: 130,
            render: (kind: HolidayRow['kind']) => (kind === 'holiday' ? <Tag color="green">{t('calendar.holidays.holiday')}</Tag> : <Tag color="orange">{t('calendar.holidays.makeup')}</Tag>),
          },
          {
            title: t('calendar.holidays.name'), dataIndex: 'name',
            render: (name: string, r) => (
              <>
                {name} {enteredDays.has(r.from) ? <Typography.Text type="secondary">（{t('calendar.holidays.entered')}）</Typography.Text> : null}
              </>
            ),
          },
        ]}
      />
      {editing ? (
        <FormModal<EntryValues>
          title={t('calendar.holidays.dialog', { year: editing.year })}
          width={640}
          onClose={() => setEditing(null)}
          onSubmit={save}
          initialValues={{ days: editing.days.map((d) => ({ day: dayjs(d.day), kind: d.kind, name: d.name })) }}
        >
          <Typography.Paragraph type="secondary">{t('calendar.holidays.dialogNote')}</Typography.Paragraph>
          <Form.List name="days">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item name={[field.name, 'day']} rules={[{ required: true }]}>
                      <PlatformDatePicker aria-label={t('calendar.holidays.day')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} initialValue="holiday">
                      <Select style={{ width: 130 }} aria-label={t('calendar.holidays.kind')}
                        options={[{ value: 'holiday', label: t('calendar.holidays.holiday') }, { value: 'makeup_workday', label: t('calendar.holidays.makeup') }]} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                      <Input maxLength={20} placeholder="春节" aria-label={t('calendar.holidays.name')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('calendar.exceptions.remove')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>{t('calendar.holidays.addDay')}</Button>
              </>
            )}
          </Form.List>
        </FormModal>
      ) : null}
    </Card>
  );
}
