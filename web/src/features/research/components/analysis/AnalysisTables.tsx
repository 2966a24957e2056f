import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalysisCountyRow, AnalysisSchoolRow, AnalysisTeacherRow } from '@shared/research-analysis-types';
import { percent } from '../../../dashboards/components/links';
import { KINDS } from './analysis-charts';

// The analysis's tables: per county, per school and per teacher. Every figure that has a list
// behind it opens that list: a school's activities open /research filtered to the school.

type Figured = Pick<AnalysisSchoolRow, 'activities' | 'lessonsAttached' | 'lessonsObserved' | 'commentsReceived' | 'commentsGiven' | 'st'>;

/** The research activities page filtered to one school. */
export const activitiesOf = (schoolId: number) => `/research?schoolId=${schoolId}`;

const LESSON_TYPES = ['practice', 'lecture', 'dialogue', 'mixed'] as const;
const TYPE_COLORS = { practice: 'green', lecture: 'blue', dialogue: 'orange', mixed: 'purple' } as const;

/** The S-T lesson types of the coded lessons, as tags with their counts. */
export function StMix({ st }: { st: Figured['st'] }) {
  const { t } = useTranslation();
  if (!st.lessons) return <Typography.Text type="secondary">{t('researchAnalysis.stNone')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {LESSON_TYPES.filter((type) => st.types[type] > 0).map((type) => (
        <Tag key={type} color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
          {t(`researchAnalysis.types.${type}`)} {st.types[type]}
        </Tag>
      ))}
    </Flex>
  );
}

/** Activities with their kinds in the tooltip; a link to the list when there is one. */
function ActivitiesCell({ row, to }: { row: Figured; to?: string }) {
  const { t } = useTranslation();
  const kinds = KINDS.filter((k) => row.activities.byKind[k] > 0).map((k) => `${t(`researchAnalysis.kinds.${k}`)} ${row.activities.byKind[k]}`).join('，');
  const figure = to && row.activities.total > 0 ? <Link to={to} onClick={(e) => e.stopPropagation()}>{row.activities.total}</Link> : row.activities.total;
  return kinds ? <Tooltip title={kinds}>{figure}</Tooltip> : <>{figure}</>;
}

function figureColumns<T extends Figured>(t: (key: string) => string, linkOf?: (row: T) => string | undefined, lessonsTitle?: string): ColumnsType<T> {
  const n = (get: (r: T) => number) => ({ align: 'right' as const, width: 88, sorter: (a: T, b: T) => get(a) - get(b), render: (_: unknown, r: T) => get(r) });
  return [
    // The most active first: the lists are read for who does research (those who do not have their own list).
    { title: t('researchAnalysis.col.activities'), key: 'activities', ...n((r) => r.activities.total), defaultSortOrder: 'descend', render: (_, r) => <ActivitiesCell row={r} to={linkOf?.(r)} /> },
    { title: t('researchAnalysis.col.organised'), key: 'organised', ...n((r) => r.activities.organised) },
    { title: lessonsTitle ?? t('researchAnalysis.col.lessonsAttached'), key: 'lessonsAttached', ...n((r) => r.lessonsAttached) },
    { title: t('researchAnalysis.col.lessonsObserved'), key: 'lessonsObserved', ...n((r) => r.lessonsObserved) },
    { title: t('researchAnalysis.col.commentsReceived'), key: 'commentsReceived', ...n((r) => r.commentsReceived) },
    { title: t('researchAnalysis.col.commentsGiven'), key: 'commentsGiven', ...n((r) => r.commentsGiven) },
    { title: t('researchAnalysis.col.st'), key: 'st', width: 170, render: (_, r) => <StMix st={r.st} /> },
    {
      title: t('researchAnalysis.col.meanRt'), key: 'rt', width: 120, align: 'right',
      render: (_, r) => (r.st.meanRt === null ? '—' : `${percent(r.st.meanRt)} / ${percent(r.st.meanCh)}`),
    },
  ];
}

export function SchoolTable({ rows, loading, onPick, picked }: {
  rows: AnalysisSchoolRow[]; loading: boolean; onPick: (schoolId: number) => void; picked?: number;
}) {
  const { t } = useTranslation();
  const tt = t as unknown as (key: string) => string;
  return (
    <Table<AnalysisSchoolRow>
      rowKey="schoolId"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { defaultPageSize: 20, showSizeChanger: true } : false}
      scroll={{ x: 1300 }}
      rowClassName={(r) => (r.schoolId === picked ? 'ant-table-row-selected' : '')}
      data-testid="analysis-schools"
      columns={[
        {
          title: t('researchAnalysis.col.school'), key: 'school', width: 240, fixed: 'left',
          sorter: (a, b) => a.code.localeCompare(b.code),
          render: (_, r) => (
            <Flex vertical>
              <Typography.Link onClick={() => onPick(r.schoolId)} data-testid={`pick-school-${r.schoolId}`}>{r.name}</Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.code} · {t(`schoolKinds.${r.kind}`)}
                {r.locality === 'rural' ? ` · ${t('researchAnalysis.rural')}` : ''}
                {r.poorVillage ? ` · ${t('researchAnalysis.poorVillage')}` : ''}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('researchAnalysis.col.county'), dataIndex: 'countyName', width: 90 },
        {
          title: t('researchAnalysis.col.tookPart'), key: 'tookPart', width: 96,
          filters: [{ text: t('researchAnalysis.tookPartYes'), value: true }, { text: t('researchAnalysis.tookPartNo'), value: false }],
          onFilter: (value, r) => r.tookPart === value,
          render: (_, r) => (r.tookPart ? <Tag color="green">{t('researchAnalysis.tookPartYes')}</Tag> : <Tag color="red">{t('researchAnalysis.tookPartNo')}</Tag>),
        },
        { title: t('researchAnalysis.col.participants'), dataIndex: 'participants', width: 88, align: 'right', sorter: (a, b) => a.participants - b.participants },
        ...figureColumns<AnalysisSchoolRow>(tt, (r) => activitiesOf(r.schoolId)),
      ]}
    />
  );
}

export function CountyTable({ rows, loading, onPick }: { rows: AnalysisCountyRow[]; loading: boolean; onPick: (countyId: number) => void }) {
  const { t } = useTranslation();
  const tt = t as unknown as (key: string) => string;
  return (
    <Table<AnalysisCountyRow>
      rowKey="countyId"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 1200 }}
      data-testid="analysis-counties"
      columns={[
        {
          title: t('researchAnalysis.col.county'), key: 'county', width: 110, fixed: 'left',
          render: (_, r) => <Typography.Link onClick={() => onPick(r.countyId)} data-testid={`pick-county-${r.countyId}`}>{r.name}</Typography.Link>,
        },
        { title: t('researchAnalysis.col.schools'), dataIndex: 'schools', width: 80, align: 'right' },
        {
          title: t('researchAnalysis.col.schoolsTakingPart'), key: 'taking', width: 120, align: 'right',
          sorter: (a, b) => a.schoolsTakingPart / Math.max(a.schools, 1) - b.schoolsTakingPart / Math.max(b.schools, 1),
          render: (_, r) => `${r.schoolsTakingPart}（${percent(r.schools ? r.schoolsTakingPart / r.schools : null)}）`,
        },
        { title: t('researchAnalysis.col.participants'), dataIndex: 'participants', width: 88, align: 'right' },
        ...figureColumns<AnalysisCountyRow>(tt),
      ]}
    />
  );
}

export function TeacherTable({ rows, loading }: { rows: AnalysisTeacherRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const tt = t as unknown as (key: string) => string;
  return (
    <Table<AnalysisTeacherRow>
      rowKey="userId"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1200 }}
      data-testid="analysis-teachers"
      columns={[
        { title: t('researchAnalysis.col.name'), dataIndex: 'name', width: 110, fixed: 'left' },
        { title: t('researchAnalysis.col.role'), key: 'role', width: 72, render: (_, r) => t(`researchAnalysis.roles.${r.role ?? 'none'}`) },
        ...figureColumns<AnalysisTeacherRow>(tt, undefined, t('researchAnalysis.col.lessonsTaught')),
        { title: t('researchAnalysis.col.codingsGiven'), dataIndex: 'codingsGiven', width: 88, align: 'right', sorter: (a, b) => a.codingsGiven - b.codingsGiven },
      ]}
    />
  );
}
