import { Card, DatePicker, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyHomeworkFigures } from '@shared/routine-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { weeklyFigures } from '../api/homework.api';

type Row = WeeklyHomeworkFigures['rows'][number];

/** 作业周统计: per school (or per county city-wide) and the total, which is the rows added up. */
export function WeeklyFiguresCard() {
  const { t } = useTranslation();
  const [week, setWeek] = useState(dayjs().format('YYYY-MM-DD'));
  const figures = useApi((signal) => weeklyFigures(week, undefined, signal), [week]);
  const level = figures.data?.level ?? 'school';
  const total = figures.data?.total;
  return (
    <Card title={t('homework.figures.title')} extra={<DatePicker picker="week" value={dayjs(week)} onChange={(d) => d && setWeek(d.format('YYYY-MM-DD'))} allowClear={false} />}>
      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      <Table<Row> rowKey="id" size="small" pagination={false} loading={!figures.data && !figures.error} dataSource={figures.data?.rows ?? []}
        columns={[
          { title: t(level === 'county' ? 'homework.figures.county' : 'homework.figures.school'), dataIndex: 'name' },
          { title: t('homework.figures.classes'), dataIndex: 'classes', align: 'right' },
          { title: t('homework.figures.classDays'), dataIndex: 'classDays', align: 'right' },
          { title: t('homework.figures.avg'), dataIndex: 'avgWrittenMinutes', align: 'right' },
          { title: t('homework.figures.over'), dataIndex: 'overLimitClassDays', align: 'right' },
        ]}
        summary={() => (total ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><b>{t('homework.figures.total')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{total.classes}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{total.classDays}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{total.avgWrittenMinutes}</Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">{total.overLimitClassDays}</Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null)} />
      {figures.data ? <div style={{ marginTop: 8, color: '#888' }}>{t('homework.figures.week', { from: figures.data.weekStart, to: figures.data.weekEnd })}</div> : null}
    </Card>
  );
}
