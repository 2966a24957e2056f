import { useState } from 'react';
import { Button, Card, Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Bulletin, BulletinFilters } from '@shared/supervision-api-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySelect, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readInt } from '../../../app/search-params';
import { BULLETIN_KINDS, listBulletins } from '../api/bulletins.api';
import { BulletinFormModal } from '../components/BulletinFormModal';
import { BulletinKindTag } from '../components/BulletinKindTag';

function readFilters(params: URLSearchParams): BulletinFilters {
  return { kind: readEnum(params, 'kind', BULLETIN_KINDS), countyId: readInt(params, 'countyId'), schoolId: readInt(params, 'schoolId') };
}

/** The city bureau's bulletins, commendations and criticisms, newest first; the bureau publishes from here. */
export default function BulletinsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md !== false;
  const [creating, setCreating] = useState(false);
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listBulletins });

  return (
    <>
      <PageHeader
        title={t('bulletins.title')}
        extra={can(me, 'bulletin:write') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-bulletin">{t('bulletins.create')}</Button>
        ) : null}
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <Select
            allowClear
            placeholder={t('bulletins.kind')}
            aria-label={t('bulletins.kind')}
            value={filters.kind}
            onChange={(kind?: string) => patch({ kind })}
            options={BULLETIN_KINDS.map((kind) => ({ value: kind, label: t(`bulletins.kinds.${kind}`) }))}
            data-testid="filter-kind"
          />
          <CountySelect value={filters.countyId} onChange={(countyId) => patch({ countyId })} label={t('bulletins.namesCounty')} />
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<Bulletin>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          onRow={(row) => ({ onClick: () => navigate(`/bulletins/${row.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('bulletins.empty') }}
          columns={[
            { title: t('bulletins.issuedOn'), dataIndex: 'issuedOn', width: 110 },
            { title: t('bulletins.kind'), dataIndex: 'kind', width: 80, render: (kind: Bulletin['kind']) => <BulletinKindTag kind={kind} /> },
            {
              title: t('bulletins.titleField'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Flex gap={6} align="center" wrap>
                  <Link to={`/bulletins/${row.id}`} onClick={(event) => event.stopPropagation()}>{title}</Link>
                  {row.status === 'draft' ? <Tag>{t('bulletins.draft')}</Tag> : null}
                </Flex>
              ),
            },
            {
              title: t('bulletins.names'),
              key: 'subjects',
              width: wide ? 320 : undefined,
              responsive: ['md'],
              render: (_, row) => (
                <Typography.Text ellipsis={{ tooltip: row.subjects.map((s) => s.name).join('、') }} style={{ maxWidth: 300 }}>
                  {row.subjects.length ? row.subjects.map((s) => s.name).join('、') : '—'}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      {creating ? <BulletinFormModal onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/bulletins/${saved.id}`)} /> : null}
    </>
  );
}
