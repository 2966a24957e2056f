import { Card, DatePicker, Flex, Segmented, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { figures } from '../api/attendance.api';

/** 出勤率: per school and school day or week, in the reader's scope; counts only, never a name. */
export function FiguresCard() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'day'), dayjs()]);
  const [by, setBy] = useState<'day' | 'week'>('day');
  const data = useApi((signal) => figures({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), by }, signal), [range, by]);
  const rows = (data.data?.items ?? []).flatMap((s) => s.periods.map((p) => ({ key: `${s.schoolId}:${p.start}`, school: s.schoolName, ...p })));
  return (
    <Card title={t('attendance.figuresTitle')} extra={
      <Flex gap={8}>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        <Segmented value={by} onChange={(v) => setBy(v as 'day' | 'week')} options={[{ value: 'day', label: t('attendance.byDay') }, { value: 'week', label: t('attendance.byWeek') }]} />
      </Flex>
    }>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Table size="small" dataSource={rows} pagination={{ pageSize: 30 }} columns={[
        { title: t('attendance.school'), dataIndex: 'school' },
        { title: by === 'week' ? t('attendance.weekOf') : t('attendance.day'), dataIndex: 'start' },
        { title: t('attendance.expected'), dataIndex: 'expected' },
        { title: t('attendance.arrived'), dataIndex: 'arrived' },
        { title: t('attendance.statuses.late'), dataIndex: 'late' },
        { title: t('attendance.statuses.on_leave'), dataIndex: 'onLeave' },
        { title: t('attendance.rate'), dataIndex: 'rate', render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`) },
      ]} />
    </Card>
  );
}
