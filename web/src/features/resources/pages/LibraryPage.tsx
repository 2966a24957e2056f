import { useState } from 'react';
import { Button, Card, Flex, Select, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResourceFilters, ResourceSummary } from '@shared/resources-library-types';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { getTaxonomy, listResources } from '../api/resources.api';
import { FeatureTag, KindTag, ReviewStageTag, ScopeTag } from '../components/resource-tags';
import { ResourceSearchBox } from '../components/ResourceSearchBox';

const PAGE_SIZE = 20;

/** 优质资源库: the resources the person reaches, filtered by taxonomy, kind, feature, scope and school. */
export default function LibraryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<ResourceFilters>({ status: 'published' });
  const [page, setPage] = useState(1);
  const taxonomy = useApi((signal) => getTaxonomy(signal), []);
  const { data, error, loading, reload } = useApi((signal) => listResources({ ...filters, page, pageSize: PAGE_SIZE }, signal), [filters, page]);

  function set<K extends keyof ResourceFilters>(key: K, value: ResourceFilters[K] | undefined) {
    setPage(1);
    setFilters((before) => ({ ...before, [key]: value }));
  }
  const options = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v }));
  const tx = taxonomy.data;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('resourcesLibrary.title')}
        extra={(
          <Flex gap={8} wrap align="center">
            <ResourceSearchBox width={260} />
            <Link to="/resources/featured" data-testid="featured-link">{t('resourcesReview.featuredTitle')}</Link>
            {can(me, 'resource:review') ? <Link to="/resources/review" data-testid="review-queue-link">{t('resourcesReview.queueTitle')}</Link> : null}
            <Link to="/resources/mine" data-testid="my-resources-link">{t('myResources.title')}</Link>
            {can(me, 'resource:write') ? (
              <Link to="/resources/publish"><Button type="primary" icon={<PlusOutlined />} data-testid="publish-link">{t('resourcesLibrary.publish')}</Button></Link>
            ) : null}
          </Flex>
        )}
      />
      <Card variant="borderless">
        <Flex gap={8} wrap data-testid="library-filters">
          <Select allowClear style={{ width: 110 }} placeholder={t('resourcesLibrary.filters.stage')} value={filters.stage} data-testid="filter-stage"
            options={(tx?.stages ?? []).map((s) => ({ value: s, label: t(`resourcesLibrary.stages.${s}`) }))} onChange={(v) => set('stage', v)} />
          <Select allowClear style={{ width: 120 }} placeholder={t('resourcesLibrary.filters.subject')} value={filters.subject} data-testid="filter-subject"
            options={options(tx?.subjects)} onChange={(v) => set('subject', v)} />
          <Select allowClear style={{ width: 120 }} placeholder={t('resourcesLibrary.filters.grade')} value={filters.grade} data-testid="filter-grade"
            options={options(tx?.grades)} onChange={(v) => set('grade', v)} />
          <Select allowClear style={{ width: 130 }} placeholder={t('resourcesLibrary.filters.edition')} value={filters.edition} data-testid="filter-edition"
            options={options(tx?.editions)} onChange={(v) => set('edition', v)} />
          <Select allowClear style={{ width: 140 }} placeholder={t('resourcesLibrary.filters.volume')} value={filters.volume} data-testid="filter-volume"
            options={options(tx?.volumes)} onChange={(v) => set('volume', v)} />
          <Select allowClear style={{ width: 110 }} placeholder={t('resourcesLibrary.filters.kind')} value={filters.kind} data-testid="filter-kind"
            options={(['lesson', 'courseware'] as const).map((k) => ({ value: k, label: t(`resourcesLibrary.kinds.${k}`) }))} onChange={(v) => set('kind', v)} />
          <Select allowClear style={{ width: 160 }} placeholder={t('resourcesLibrary.filters.feature')} value={filters.feature} data-testid="filter-feature"
            options={[
              { value: 'any', label: t('resourcesLibrary.filters.featureAny') },
              { value: 'quality', label: t('resourcesLibrary.features.quality') },
              { value: 'premium', label: t('resourcesLibrary.features.premium') },
            ]} onChange={(v) => set('feature', v)} />
          <Select allowClear style={{ width: 120 }} placeholder={t('resourcesLibrary.filters.scope')} value={filters.scope} data-testid="filter-scope"
            options={(['school', 'county', 'city', 'public'] as const).map((s) => ({ value: s, label: t(`resourcesLibrary.scopes.${s}`) }))} onChange={(v) => set('scope', v)} />
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} placeholder={t('resourcesLibrary.filters.school')} value={filters.schoolId}
            data-testid="filter-school" options={(tx?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))} onChange={(v) => set('schoolId', v)} />
          <Select style={{ width: 110 }} value={filters.status ?? 'all'} data-testid="filter-status"
            options={[
              { value: 'published', label: t('resourcesLibrary.filters.statusPublished') },
              { value: 'pending', label: t('resourcesLibrary.filters.statusPending') },
              { value: 'all', label: t('resourcesLibrary.filters.statusAll') },
            ]} onChange={(v) => set('status', v)} />
          <Flex gap={6} align="center">
            {/* My own resources are mostly still in review: switching to them shows every status. */}
            <Switch size="small" checked={filters.mine ?? false} data-testid="filter-mine"
              onChange={(v) => { setPage(1); setFilters((before) => ({ ...before, mine: v || undefined, status: v ? 'all' : before.status })); }} />
            <Typography.Text>{t('resourcesLibrary.filters.mine')}</Typography.Text>
          </Flex>
          <Button type="link" onClick={() => { setPage(1); setFilters({ status: 'published' }); }}>{t('resourcesLibrary.filters.reset')}</Button>
        </Flex>
      </Card>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Card variant="borderless">
        <Table<ResourceSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          data-testid="resource-table"
          locale={{ emptyText: t('resourcesLibrary.empty') }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false,
            showTotal: (total) => t('resourcesLibrary.total', { total }) }}
          columns={[
            {
              title: t('resourcesLibrary.columns.title'), key: 'title',
              render: (_, r) => (
                <Flex gap={6} align="center" wrap>
                  <Link to={`/resources/${r.id}`} data-testid="resource-link">{r.title}</Link>
                  <FeatureTag feature={r.feature} />
                </Flex>
              ),
            },
            { title: t('resourcesLibrary.columns.kind'), key: 'kind', width: 90, render: (_, r) => <KindTag kind={r.kind} /> },
            { title: t('resourcesLibrary.columns.subjectGrade'), key: 'subject', render: (_, r) => [r.subject, r.grade, r.volume].filter(Boolean).join(' · ') },
            { title: t('resourcesLibrary.columns.school'), key: 'school', render: (_, r) => `${r.schoolName}（${r.countyName}）` },
            { title: t('resourcesLibrary.columns.publisher'), dataIndex: 'publisherName', key: 'publisher', width: 100 },
            { title: t('resourcesLibrary.columns.scope'), key: 'scope', width: 90, render: (_, r) => <ScopeTag scope={r.visibleScope} /> },
            { title: t('resourcesLibrary.columns.stage'), key: 'stage', width: 130, render: (_, r) => <ReviewStageTag stage={r.reviewStage} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
