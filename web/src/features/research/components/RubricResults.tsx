import { Alert, Card, Empty, Flex, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActivityRubricResults, LessonRubricResults, RubricAgreement } from '@shared/research-rubrics-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { getRubricResults } from '../api/rubrics.api';

const fixed = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '—' : v.toFixed(digits));
/** Krippendorff's own reading: ≥ 0.8 reliable, ≥ 0.667 tentative, below that not to rely on. */
const alphaColor = (alpha: number | null) => (alpha === null ? undefined : alpha >= 0.8 ? '#389e0d' : alpha >= 0.667 ? '#d48806' : '#cf1322');

function AgreementLine({ agreement }: { agreement: RubricAgreement }) {
  const { t } = useTranslation();
  return (
    <Flex gap={24} wrap align="center" data-testid="rubric-agreement">
      <Statistic title={t('researchRubrics.alpha')} value={fixed(agreement.alpha, 3)} styles={{ content: { color: alphaColor(agreement.alpha), fontSize: 20 } }} />
      <Statistic title={t('researchRubrics.icc')} value={fixed(agreement.icc, 3)} styles={{ content: { fontSize: 20 } }} />
      <Typography.Text type="secondary">
        {t('researchRubrics.observersCount', { count: agreement.observers })} · {t('researchRubrics.itemsCount', { count: agreement.items })}
        {agreement.exactShare !== null ? ` · ${t('researchRubrics.exactShare', { percent: Math.round(agreement.exactShare * 100) })}` : ''}
      </Typography.Text>
      <Tooltip title={t('researchRubrics.agreementHelp')}><QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} /></Tooltip>
    </Flex>
  );
}

type Row = { key: string; text: string; dimensionName: string; weight: number | null; total?: boolean };

function LessonTable({ results, lesson, n }: { results: ActivityRubricResults; lesson: LessonRubricResults; n: number }) {
  const { t } = useTranslation();
  const stats = new Map(lesson.items.map((i) => [i.key, i]));
  const rows: Row[] = [...results.items.map((i) => ({ ...i })), { key: '__total', text: t('researchRubrics.weightedTotal'), dimensionName: '', weight: null, total: true }];
  return (
    <Card
      size="small"
      title={t('researchRubrics.lessonTitle', { n, title: lesson.title })}
      extra={<Typography.Text type="secondary">{t('researchRubrics.lessonBy', { teacher: lesson.teacherName || '—', school: lesson.schoolName })}</Typography.Text>}
      data-testid={`rubric-lesson-${lesson.recordingId}`}
    >
      {lesson.observers.length === 0 ? <Empty description={t('researchRubrics.noScores')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Flex vertical gap={12}>
          <AgreementLine agreement={lesson.agreement} />
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 520 + lesson.observers.length * 90 }}
            dataSource={rows}
            onRow={(row) => ({ style: stats.get(row.key)?.disagree ? { background: '#fff1f0' } : row.total ? { fontWeight: 600 } : {} })}
            columns={[
              { title: t('researchRubrics.dimension'), dataIndex: 'dimensionName', width: 100 },
              {
                title: t('researchRubrics.itemText'),
                dataIndex: 'text',
                render: (text: string, row) => (
                  <Flex gap={6} align="center" wrap>
                    <span>{text}</span>
                    {stats.get(row.key)?.disagree ? <Tooltip title={t('researchRubrics.disagreeTip')}><Tag color="red">{t('researchRubrics.disagree')}</Tag></Tooltip> : null}
                  </Flex>
                ),
              },
              { title: t('researchRubrics.weight'), dataIndex: 'weight', width: 60, align: 'right', render: (w: number | null) => w ?? '' },
              ...lesson.observers.map((o) => ({
                title: o.complete ? o.name : <Tooltip title={t('researchRubrics.incomplete', { done: o.scored, total: results.items.length })}><span>{o.name} *</span></Tooltip>,
                key: `o${o.userId}`,
                width: 90,
                align: 'right' as const,
                render: (_: unknown, row: Row) => {
                  if (row.total) return fixed(o.total, 2);
                  const s = o.scores.find((x) => x.itemKey === row.key);
                  if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
                  return s.note ? <Tooltip title={s.note}><span style={{ borderBottom: '1px dotted' }}>{s.score}</span></Tooltip> : s.score;
                },
              })),
              { title: t('researchRubrics.mean'), key: 'mean', width: 70, align: 'right', render: (_, row) => <strong>{row.total ? fixed(lesson.meanTotal, 2) : fixed(stats.get(row.key)?.mean, 2)}</strong> },
              { title: t('researchRubrics.sd'), key: 'sd', width: 70, align: 'right', render: (_, row) => (row.total ? '' : fixed(stats.get(row.key)?.sd, 2)) },
              { title: t('researchRubrics.range'), key: 'range', width: 60, align: 'right', render: (_, row) => (row.total ? '' : fixed(stats.get(row.key)?.range, 2)) },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}

/**
 * An activity's rubric results for its detail page: per lesson, observers × items with the mean,
 * spread and the weighted totals; the agreement (Krippendorff's α, ICC) with the number of
 * observers; items where observers are two or more levels apart in red.
 */
export function RubricResults({ activityId }: { activityId: number }) {
  const { t } = useTranslation();
  const results = useApi((signal) => getRubricResults(activityId, signal), [activityId]);
  if (results.error) return <ErrorAlert error={results.error} onRetry={results.reload} />;
  const data = results.data;
  if (!data) return <FullPageSpin height={240} />;
  if (!data.rubric) return <Alert type="info" showIcon title={t('researchRubrics.noRubricResults')} />;
  return (
    <Flex vertical gap={16} data-testid="rubric-results">
      <Typography.Text type="secondary">{t('researchRubrics.rubricLine', { name: data.rubric.name, version: data.rubric.version, max: data.maxTotal })}</Typography.Text>
      {data.lessons.length === 0 ? <Empty description={t('researchRubrics.noLessons')} /> : null}
      {data.lessons.map((lesson, i) => <LessonTable key={lesson.recordingId} results={data} lesson={lesson} n={i + 1} />)}
      {data.lessons.length > 1 ? (
        <Card size="small" title={t('researchRubrics.overall')}><AgreementLine agreement={data.overall} /></Card>
      ) : null}
    </Flex>
  );
}
