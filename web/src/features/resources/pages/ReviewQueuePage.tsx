import { Alert, Card, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REVIEW_LEVELS, type ResourceScope, type ReviewLevel } from '@shared/resources';
import type { ReviewQueue, ReviewQueueItem } from '@shared/resources-review-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum } from '../../../app/search-params';
import { formatInstant } from '../../../app/time';
import { reviewQueue } from '../api/review.api';
import { ReviewActions } from '../components/ReviewActions';

/** 资源审核: what waits for the levels the person reviews at, with approve / return / approve-and-feature. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const reviewer = can(me, 'resource:review');
  const { patch, pagination, data, error, loading, reload, filters } = usePagedList({
    readFilters: (p) => ({ level: readEnum<ReviewLevel>(p, 'level', REVIEW_LEVELS) }),
    load: async (query, signal) => (reviewer ? reviewQueue(query, signal) : { items: [], total: 0, page: 1, pageSize: query.pageSize, levels: [] }),
  });
  // The queue's page also says at which levels the person reviews (usePagedList types it as a plain page).
  const levels = (data as ReviewQueue | undefined)?.levels;
  const scope = (s: ResourceScope | null, none: string) => (s ? t(`resourcesReview.scopes.${s}`) : none);

  return (
    <>
      <PageHeader title={t('resourcesReview.queueTitle')} note={data ? t('common.total', { total: data.total }) : undefined} />
      <Typography.Paragraph type="secondary">{t('resourcesReview.queueNote')}</Typography.Paragraph>
      {!reviewer || (levels && !levels.length) ? <Alert type="info" showIcon message={t('resourcesReview.notReviewer')} style={{ marginBottom: 12 }} /> : null}
      <Card variant="borderless">
        {levels && levels.length > 1 ? (
          <Select
            allowClear
            placeholder={t('resourcesReview.allLevels')}
            aria-label={t('resourcesReview.levelFilter')}
            value={filters.level}
            onChange={(level) => patch({ level })}
            options={levels.map((l) => ({ value: l, label: t(`resourcesReview.levels.${l}`) }))}
            style={{ width: 180, marginBottom: 12 }}
          />
        ) : null}
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<ReviewQueueItem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={pagination}
          locale={{ emptyText: t('resourcesReview.empty') }}
          data-testid="review-queue"
          columns={[
            {
              title: t('resourcesReview.columns.title'), dataIndex: 'title',
              render: (title: string, r) => (
                <>
                  <Link to={`/resources/${r.id}`}>{title}</Link>
                  <div><Typography.Text type="secondary">{t(`resourcesReview.kinds.${r.kind}`)} · {r.subject} {r.grade}</Typography.Text></div>
                </>
              ),
            },
            { title: t('resourcesReview.columns.stage'), dataIndex: 'reviewStage', width: 140, render: (s: ReviewQueueItem['reviewStage']) => <Tag color="processing">{t(`resourcesReview.stages.${s}`)}</Tag> },
            { title: t('resourcesReview.columns.requested'), dataIndex: 'requestedScope', width: 100, render: (s: ResourceScope) => scope(s, '') },
            { title: t('resourcesReview.columns.visible'), dataIndex: 'visibleScope', width: 100, render: (s: ResourceScope | null) => scope(s, t('resourcesReview.notVisible')) },
            {
              title: t('resourcesReview.columns.consentCap'), dataIndex: 'consentCap', width: 120,
              render: (s: ResourceScope | null, r) => (s && s !== r.requestedScope && s !== 'public' ? <Tag color="warning">{scope(s, '')}</Tag> : scope(s, t('resourcesReview.noCap'))),
            },
            { title: t('resourcesReview.columns.publisher'), dataIndex: 'publisherName', width: 110 },
            { title: t('resourcesReview.columns.school'), dataIndex: 'schoolName', width: 160 },
            { title: t('resourcesReview.columns.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string) => formatInstant(at) },
            {
              title: t('resourcesReview.columns.actions'), key: 'actions', width: 260,
              render: (_: unknown, r) => (
                <ReviewActions
                  size="small"
                  resource={r}
                  reviewAt={r.reviewStage === 'school' || r.reviewStage === 'county' || r.reviewStage === 'city' ? r.reviewStage : null}
                  canFeature={[]}
                  onDone={reload}
                />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
