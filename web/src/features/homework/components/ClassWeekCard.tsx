import { Card, Progress, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassHomework } from '@shared/routine-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { classHomework } from '../api/homework.api';

/** 本周作业: a class's homework by day with the written total against the limit. */
export function ClassWeekCard({ classId, from, to, version }: { classId: number; from: string; to: string; version: number }) {
  const { t } = useTranslation();
  const week = useApi((signal) => classHomework(classId, from, to, signal), [classId, from, to, version]);
  const limit = week.data?.writtenLimit ?? null;
  return (
    <Card title={t('homework.week.title', { from, to })}>
      {week.error ? <ErrorAlert error={week.error} onRetry={week.reload} /> : null}
      <Table<ClassHomework['days'][number]> rowKey="day" size="small" pagination={false} loading={!week.data && !week.error} dataSource={week.data?.days ?? []}
        columns={[
          { title: t('homework.week.day'), dataIndex: 'day', width: 120 },
          {
            title: t('homework.week.items'), render: (_, d) => d.items.map((i) => (
              <div key={i.id}><Tag>{t(`homework.kind.${i.kind}`)}</Tag>{i.subject} · {i.content} · {t('homework.minutes', { n: i.minutes })}</div>
            )),
          },
          {
            title: t('homework.week.written'), width: 220, render: (_, d) => (
              <>
                {t('homework.minutes', { n: d.writtenMinutes })}
                {limit !== null ? <Progress size="small" status={d.overLimit ? 'exception' : 'normal'} percent={limit === 0 ? (d.writtenMinutes > 0 ? 100 : 0) : Math.min(100, Math.round((d.writtenMinutes / limit) * 100))} /> : null}
              </>
            ),
          },
        ]} />
    </Card>
  );
}
