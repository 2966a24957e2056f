import { Card, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ResourceFavourites, ResourcePreparations } from '@shared/resources-engagement-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readEnum } from '../../../app/search-params';
import { formatInstant } from '../../../app/time';
import { myFavourites, myPreparations } from '../api/engagement.api';

type Favourite = ResourceFavourites['items'][number];
type Preparation = ResourcePreparations['items'][number];
type Tab = 'favourites' | 'preparations';
const TABS: readonly Tab[] = ['favourites', 'preparations'];

/**
 * 我的资源 (/resources/mine): the resources I marked as favourites and those I noted as used in my
 * lesson preparation, each still in my reach (the server filters them by it). What I published is
 * the library's own list (mine=true), added here once it exists.
 */
export default function MyResourcesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = readEnum<Tab>(params, 'tab', TABS) ?? 'favourites';

  return (
    <>
      <PageHeader title={t('myResources.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'favourites', label: t('myResources.favourites'), children: <FavouritesTable /> },
          { key: 'preparations', label: t('myResources.preparations'), children: <PreparationsTable /> },
        ]}
      />
    </>
  );
}

function useResourceColumns<T extends Favourite | Preparation>(): ColumnsType<T> {
  const { t } = useTranslation();
  return [
    {
      title: t('myResources.colTitle'), dataIndex: 'title', key: 'title',
      render: (_: unknown, r: T) => (
        <>
          <Link to={`/resources/${r.resourceId}`}>{r.title}</Link>{' '}
          <Tag>{t(`myResources.kinds.${r.kind}`, { defaultValue: r.kind })}</Tag>
          {r.feature ? <Tag color="gold">{t(`myResources.features.${r.feature}`, { defaultValue: r.feature })}</Tag> : null}
        </>
      ),
    },
    { title: t('myResources.colSubject'), dataIndex: 'subject', key: 'subject', width: 100 },
    { title: t('myResources.colGrade'), dataIndex: 'grade', key: 'grade', width: 100 },
    {
      title: t('myResources.colScope'), key: 'scope', width: 110,
      render: (_: unknown, r: T) => t(`myResources.scopes.${r.visibleScope ?? 'none'}`, { defaultValue: r.visibleScope ?? '' }),
    },
    { title: t('myResources.colAt'), dataIndex: 'at', key: 'at', width: 160, render: (at: string) => formatInstant(at) },
  ];
}

function FavouritesTable() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => myFavourites(signal), []);
  const columns = useResourceColumns<Favourite>();
  return (
    <Card variant="borderless">
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Table<Favourite>
        rowKey="resourceId" loading={loading} dataSource={data?.items ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('myResources.emptyFavourites') }} data-testid="my-favourites"
      />
    </Card>
  );
}

function PreparationsTable() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => myPreparations(signal), []);
  const columns: ColumnsType<Preparation> = [
    ...useResourceColumns<Preparation>(),
    {
      title: t('myResources.colActivity'), dataIndex: 'activityId', key: 'activity', width: 120,
      render: (id: number | null) => (id ? <Link to={`/research/activities/${id}`}>{t('myResources.activityLink')}</Link> : t('myResources.noActivity')),
    },
  ];
  return (
    <Card variant="borderless">
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Table<Preparation>
        rowKey={(r) => `${r.resourceId}-${r.at}-${r.activityId ?? 0}`} loading={loading} dataSource={data?.items ?? []} columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('myResources.emptyPreparations') }} data-testid="my-preparations"
      />
    </Card>
  );
}
