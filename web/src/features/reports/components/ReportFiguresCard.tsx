import { Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '@shared/api-types';
import { formatInstant } from '../../../app/time';
import { percent } from '../../dashboards/components/links';

type Figures = ReportFigures['compliance']['county'];
type RolloutRow = NonNullable<ReportFigures['rollout']>[number];

function FigureLine({ label, figures, testId }: { label: string; figures: Figures; testId: string }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 2, sm: 3, lg: 6 }}
      title={<Typography.Text strong>{label}</Typography.Text>}
      data-testid={testId}
      items={[
        { key: 'schools', label: t('reports.schools'), children: figures.schools },
        { key: 'schoolDays', label: t('reports.schoolDays'), children: figures.schoolDays },
        { key: 'metDays', label: t('reports.metDays'), children: figures.metDays },
        { key: 'missedDays', label: t('reports.missedDays'), children: figures.missedDays },
        ...(figures.pendingDays ? [{ key: 'pendingDays', label: t('reports.pendingDays'), children: figures.pendingDays }] : []),
        { key: 'rate', label: t('reports.rate'), children: <Typography.Text strong data-testid="figure-rate">{percent(figures.rate)}</Typography.Text> },
      ]}
    />
  );
}

/** The period's class patrols in the county (absent in reports taken before they were reported). */
function PatrolLine({ patrol }: { patrol: ReportFigures['patrol'] }) {
  const { t } = useTranslation();
  if (!patrol) return <Typography.Text type="secondary">{t('patrol.report.none')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 2, sm: 3, lg: 5 }}
      title={<Typography.Text strong>{t('patrol.report.title')}</Typography.Text>}
      extra={<Typography.Text type="secondary">{t('patrol.report.help')}</Typography.Text>}
      data-testid="figures-patrol"
      items={[
        { key: 'patrols', label: t('patrol.stats.patrols'), children: patrol.patrols },
        { key: 'lessons', label: t('patrol.stats.lessons'), children: patrol.lessons },
        { key: 'schools', label: t('patrol.stats.schools'), children: patrol.schools },
        { key: 'patrollers', label: t('patrol.stats.patrollers'), children: patrol.patrollers },
        { key: 'meanScore', label: t('patrol.stats.meanScore'), children: patrol.meanScore === null ? '—' : patrol.meanScore.toFixed(2) },
      ]}
    />
  );
}

/** The pre-filled figures: read-only; the preparer may only take them again from the data. */
export function ReportFiguresCard({ figures, figuresAt, onRefresh, refreshing }: {
  figures: ReportFigures; figuresAt: string; onRefresh?: () => void; refreshing?: boolean;
}) {
  const { t } = useTranslation();
  const c = figures.compliance;
  return (
    <Card
      variant="borderless"
      title={t('reports.figures')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('reports.figuresAt', { at: formatInstant(figuresAt) })}</Typography.Text>
          {onRefresh ? <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh}>{t('reports.refresh')}</Button> : null}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{figures.from} — {figures.to}</Typography.Text>
        <FigureLine label={t('reports.countyFigures')} figures={c.county} testId="figures-county" />
        <FigureLine label={`${t('reports.departmentFigures')}（${t(`departments.${c.department.department}`)}）`} figures={c.department} testId="figures-department" />
        <PatrolLine patrol={figures.patrol} />
        <div>
          <Typography.Text strong>{t('reports.lagging')}</Typography.Text>
          {c.laggingTotal > c.lagging.length ? (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{t('reports.laggingMore', { total: c.laggingTotal, shown: c.lagging.length })}</Typography.Text>
          ) : null}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={c.lagging}
            locale={{ emptyText: t('reports.noLagging') }}
            columns={[
              { title: t('reports.school'), dataIndex: 'name' },
              { title: t('reports.code'), dataIndex: 'code', responsive: ['md'] },
              { title: t('reports.missedDays'), dataIndex: 'missedDays', align: 'right' },
              { title: t('reports.rate'), dataIndex: 'rate', align: 'right', render: (rate: number | null) => percent(rate) },
            ]}
          />
        </div>
        <div>
          <Typography.Text strong>{t('reports.rollout')}</Typography.Text>
          <Table<RolloutRow>
            size="small"
            rowKey={(row) => `${row.batch}-${row.group}`}
            pagination={false}
            style={{ marginTop: 8 }}
            scroll={{ x: 720 }}
            dataSource={figures.rollout ?? []}
            locale={{ emptyText: t('reports.noRollout') }}
            columns={[
              { title: t('reports.batch'), dataIndex: 'batch' },
              { title: t('reports.group'), dataIndex: 'group', render: (group: RolloutRow['group']) => t(`reports.groups.${group}`) },
              ...(['target', 'schools', 'registered', 'installed', 'activated', 'inRegularUse', 'overdue'] as const).map((key) => ({
                title: t(`reports.${key}`), dataIndex: key, align: 'right' as const,
              })),
            ]}
          />
        </div>
      </Flex>
    </Card>
  );
}
