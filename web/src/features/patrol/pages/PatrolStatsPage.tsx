import { Button, Card, Col, Flex, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TFunction } from 'i18next';
import type { PatrolSchoolStat, PatrolStats, PatrolStatsFilters, PatrolTeacherStat } from '@shared/patrol-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { useExport } from '../../../app/list/use-export';
import { readEnum, readInt, usePatchSearchParams } from '../../../app/search-params';
import { exportPatrolStats, getPatrolStats } from '../api/patrol.api';
import { PatrolRecordsTable } from '../components/PatrolRecordsTable';
import { PatrolTabs } from '../components/PatrolTabs';

const VIEWS = ['school', 'teacher', 'records'] as const;
const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** The period shown: the term and its dates, or the dates alone (a break, or no term at the place). */
function rangeNote(t: TFunction, data: PatrolStats): string {
  const dates = { from: data.from, to: data.to };
  if (data.term) return t('patrol.stats.termRange', { term: data.term.name, ...dates });
  return data.terms.length ? t('patrol.stats.range', dates) : t('patrol.stats.noTerm', dates);
}

function readFilters(params: URLSearchParams): PatrolStatsFilters {
  return { termId: readInt(params, 'termId'), countyId: readInt(params, 'countyId'), schoolId: readInt(params, 'schoolId') };
}

/** 巡课统计: patrols over a term per school and per teacher, the records with their notes, and the Excel export. */
export default function PatrolStatsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const filters = readFilters(params);
  const view = readEnum(params, 'view', VIEWS) ?? 'school';
  const { data, error, loading, reload } = useApi((signal) => getPatrolStats(filters, signal), [JSON.stringify(filters)]);
  const bySchool = useExport(() => exportPatrolStats({ ...filters, by: 'school' }));
  const byTeacher = useExport(() => exportPatrolStats({ ...filters, by: 'teacher' }));
  const place = { countyId: filters.countyId, schoolId: filters.schoolId };

  return (
    <>
      <PageHeader
        title={t('patrol.title')}
        note={data ? rangeNote(t, data) : undefined}
        extra={(
          <>
            <Button icon={<DownloadOutlined />} loading={bySchool.exporting} onClick={() => void bySchool.run()} data-testid="export-schools">{t('patrol.stats.exportSchools')}</Button>
            <Button icon={<DownloadOutlined />} loading={byTeacher.exporting} onClick={() => void byTeacher.run()} data-testid="export-teachers">{t('patrol.stats.exportTeachers')}</Button>
          </>
        )}
      />
      <PatrolTabs active="stats" />
      <Flex vertical gap={16}>
        <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
          <FilterBar filters={filters} onChange={patch}>
            <Select
              placeholder={t('patrol.stats.term')}
              aria-label={t('patrol.stats.term')}
              value={filters.termId ?? data?.term?.id}
              onChange={(termId?: number) => patch({ termId })}
              options={(data?.terms ?? []).map((term) => ({ value: term.id, label: term.name }))}
              className="filter-wide"
              data-testid="filter-term"
            />
            <CountySchoolFilters filters={place} onChange={patch} countyLabel={t('patrol.county')} schoolLabel={t('patrol.school')} hideSingleCounty />
          </FilterBar>
          {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
          <Row gutter={[16, 16]} style={{ marginBottom: 8 }} data-testid="patrol-totals">
            {([
              ['patrols', data?.totals.patrols], ['lessons', data?.totals.lessons], ['schools', data?.totals.schools],
              ['patrollers', data?.totals.patrollers],
            ] as const).map(([key, value]) => (
              <Col key={key} xs={12} md={6} lg={4} data-testid={`patrol-total-${key}`}>
                <Statistic title={t(`patrol.stats.${key}`)} value={value ?? '—'} loading={loading && !data} />
              </Col>
            ))}
            <Col xs={12} md={6} lg={4} data-testid="patrol-total-meanScore">
              <Statistic title={t('patrol.stats.meanScore')} value={data ? score(data.totals.meanScore) : '—'} />
            </Col>
          </Row>
        </Card>
        <Card
          variant="borderless"
          title={(
            <Segmented
              value={view}
              onChange={(next) => patch({ view: next === 'school' ? undefined : next })}
              options={[
                { value: 'school', label: t('patrol.stats.bySchool') },
                { value: 'teacher', label: t('patrol.stats.byTeacher') },
                { value: 'records', label: t('patrol.stats.records') },
              ]}
              data-testid="patrol-view"
            />
          )}
        >
          {view === 'school' ? (
            <Table<PatrolSchoolStat>
              rowKey="schoolId"
              size="middle"
              loading={loading}
              dataSource={data?.schools ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('patrol.stats.empty') }}
              data-testid="patrol-schools"
              columns={[
                { title: t('patrol.school'), dataIndex: 'schoolName' },
                { title: t('patrol.county'), dataIndex: 'countyName', width: 110, responsive: ['md'] },
                { title: t('patrol.stats.patrols'), dataIndex: 'patrols', width: 100, align: 'right' },
                { title: t('patrol.stats.lessons'), dataIndex: 'lessons', width: 100, align: 'right' },
                { title: t('patrol.stats.meanScore'), dataIndex: 'meanScore', width: 90, align: 'right', render: score },
                { title: t('patrol.stats.patrollers'), dataIndex: 'patrollers', width: 100, align: 'right' },
              ]}
            />
          ) : null}
          {view === 'teacher' ? (
            <>
              {data && data.teachersTotal > data.teachers.length ? (
                <Typography.Text type="secondary">{t('patrol.stats.teachersMore', { total: data.teachersTotal, shown: data.teachers.length })}</Typography.Text>
              ) : null}
              <Table<PatrolTeacherStat>
                rowKey={(row) => `${row.schoolId}-${row.teacherUserId ?? ''}-${row.teacherName}`}
                size="middle"
                loading={loading}
                dataSource={data?.teachers ?? []}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 720 }}
                locale={{ emptyText: t('patrol.stats.empty') }}
                data-testid="patrol-teachers"
                columns={[
                  { title: t('patrol.stats.teacher'), dataIndex: 'teacherName', render: (name: string) => name || t('patrol.teacherUnknown') },
                  { title: t('patrol.school'), dataIndex: 'schoolName' },
                  { title: t('patrol.stats.teacherLessons'), dataIndex: 'lessons', width: 110, align: 'right' },
                  { title: t('patrol.stats.patrols'), dataIndex: 'patrols', width: 100, align: 'right' },
                  { title: t('patrol.stats.meanScore'), dataIndex: 'meanScore', width: 90, align: 'right', render: score },
                ]}
              />
            </>
          ) : null}
          {view === 'records' && data ? <PatrolRecordsTable filters={{ from: data.from, to: data.to, ...place }} /> : null}
        </Card>
      </Flex>
    </>
  );
}
