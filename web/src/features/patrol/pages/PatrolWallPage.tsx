import { Alert, Button, Card, Col, Empty, Flex, Pagination, Row, Spin } from 'antd';
import { BarChartOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PatrolWall, PatrolWallFilters, PatrolWallLesson } from '@shared/patrol-api-types';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySchoolFilters, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readInt } from '../../../app/search-params';
import { DayStatusNotice } from '../../calendar/components/DayStatusNotice';
import { getWall } from '../api/patrol.api';
import { LessonCard } from '../components/LessonCard';
import { PatrolTabs } from '../components/PatrolTabs';

const PAGE_SIZE = 48;

function readFilters(params: URLSearchParams): PatrolWallFilters {
  return { countyId: readInt(params, 'countyId'), schoolId: readInt(params, 'schoolId') };
}

/**
 * 巡课墙: today's recorded lessons of the person's schools as cards; a ready one opens the player
 * with the patrol form beside it. Live lessons join once live classes exist (said on the page).
 */
export default function PatrolWallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { params, patch, data, error, loading, reload, page, pageSize } = usePagedList({
    readFilters,
    load: getWall,
    defaultPageSize: PAGE_SIZE,
  });
  const filters = readFilters(params);
  // The wall is a page of lessons with the day's status beside it.
  const wall = data as PatrolWall | undefined;

  return (
    <>
      <PageHeader
        title={t('patrol.title')}
        note={wall ? `${t('patrol.today', { day: wall.day })} · ${t('patrol.lessonsToday', { total: wall.total })}` : undefined}
        extra={(
          <>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} data-testid="patrol-refresh">{t('patrol.refresh')}</Button>
            <Link to="/patrol/stats"><Button icon={<BarChartOutlined />}>{t('patrol.statsTab')}</Button></Link>
          </>
        )}
      />
      <PatrolTabs active="wall" />
      <Flex vertical gap={12}>
        <Alert type="info" showIcon message={t('patrol.liveNote')} data-testid="patrol-live-note" />
        {wall ? <DayStatusNotice answer={wall} from={wall.day} /> : null}
        <Card variant="borderless">
          <FilterBar filters={filters} onChange={patch}>
            <CountySchoolFilters filters={filters} onChange={patch} countyLabel={t('patrol.county')} schoolLabel={t('patrol.school')} hideSingleCounty />
          </FilterBar>
          {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
          <Spin spinning={loading && !wall}>
            {wall && wall.items.length === 0 ? (
              <Empty description={t('patrol.emptyToday')} data-testid="patrol-empty" />
            ) : (
              <Row gutter={[16, 16]} data-testid="patrol-wall">
                {(wall?.items ?? []).map((lesson: PatrolWallLesson) => (
                  <Col key={lesson.recordingId} xs={24} sm={12} lg={8} xl={6}>
                    <LessonCard lesson={lesson} onOpen={() => navigate(`/patrol/lessons/${lesson.recordingId}`)} />
                  </Col>
                ))}
              </Row>
            )}
          </Spin>
          {wall && wall.total > pageSize ? (
            <Flex justify="flex-end" style={{ marginTop: 16 }}>
              <Pagination
                current={page}
                pageSize={pageSize}
                total={wall.total}
                showSizeChanger={false}
                onChange={(next) => patch({ page: next === 1 ? undefined : next })}
              />
            </Flex>
          ) : null}
        </Card>
      </Flex>
    </>
  );
}
