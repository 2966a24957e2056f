import { useState } from 'react';
import { Breadcrumb, Button, Card, Flex, Input, Select, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { GroupFilters, GroupSummary } from '@shared/research-activities-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readString } from '../../../app/search-params';
import { GROUP_KINDS, listGroups } from '../api/groups.api';
import { GroupFormModal } from '../components/GroupFormModal';

type View = 'mine' | 'supervised';

/** 教研组 and 名师工作室: the groups the person is in, and those they supervise. */
export default function GroupsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const supervises = me.assignments.some((a) => a.role !== 'teacher' && a.role !== 'parent');
  const readFilters = (p: URLSearchParams): Omit<GroupFilters, 'view'> => ({ kind: readEnum(p, 'kind', GROUP_KINDS), q: readString(p, 'q') });
  const { params, patch, pagination, data, error, loading, reload } = usePagedList({
    readFilters: (p) => ({ ...readFilters(p), view: readEnum<View>(p, 'view', ['mine', 'supervised']) ?? (supervises ? 'supervised' : 'mine') }),
    load: (query, signal) => listGroups(query, signal),
  });
  const view = readEnum<View>(params, 'view', ['mine', 'supervised']) ?? (supervises ? 'supervised' : 'mine');
  const filters = readFilters(params);
  // Principals set up their school's 教研组, county and city officers studios.
  const mayCreate = can(me, 'research:write') && supervises;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/research">{t('researchActivities.title')}</Link> }, { title: t('researchGroups.title') }]} />
      <PageHeader
        title={t('researchGroups.title')}
        note={data ? t('common.total', { total: data.total }) : undefined}
        extra={mayCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-group">{t('researchGroups.create')}</Button> : null}
      />
      <Tabs
        activeKey={view}
        onChange={(key) => patch({ view: key })}
        items={[
          ...(supervises ? [{ key: 'supervised', label: t('researchGroups.tabs.supervised') }] : []),
          { key: 'mine', label: t('researchGroups.tabs.mine') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <Input.Search allowClear defaultValue={filters.q} placeholder={t('researchGroups.search')} onSearch={(q) => patch({ q })} style={{ width: 200 }} />
          <Select allowClear placeholder={t('researchGroups.kind')} value={filters.kind} onChange={(kind) => patch({ kind })} style={{ width: 140 }}
            options={GROUP_KINDS.map((k) => ({ value: k, label: t(`researchGroups.kinds.${k}`) }))} />
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<GroupSummary>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={pagination}
          onRow={(row) => ({ onClick: () => navigate(`/research/groups/${row.id}`) })}
          locale={{ emptyText: t('researchGroups.empty') }}
          data-testid="groups-table"
          columns={[
            {
              title: t('researchGroups.name'), dataIndex: 'name',
              render: (name: string, g) => (
                <Flex gap={6} align="center">
                  <Link to={`/research/groups/${g.id}`} onClick={(e) => e.stopPropagation()}>{name}</Link>
                  {g.archivedAt ? <Tag>{t('researchGroups.archived')}</Tag> : null}
                </Flex>
              ),
            },
            { title: t('researchGroups.kind'), dataIndex: 'kind', width: 120, render: (k: GroupSummary['kind']) => <Tag color={k === 'master_studio' ? 'gold' : 'blue'}>{t(`researchGroups.kinds.${k}`)}</Tag> },
            { title: t('researchGroups.subject'), dataIndex: 'subject', width: 90 },
            { title: t('researchGroups.node'), key: 'node', width: 200, render: (_, g) => `${t(`researchActivities.levels.${g.level}`)} · ${g.nodeName}` },
            { title: t('researchGroups.leader'), dataIndex: 'leaderName', width: 100 },
            { title: t('researchGroups.memberCount'), dataIndex: 'memberCount', width: 80, align: 'right' },
            { title: t('researchGroups.activityCount'), dataIndex: 'activityCount', width: 80, align: 'right' },
          ]}
        />
      </Card>
      {creating ? <GroupFormModal onClose={() => setCreating(false)} onSaved={(g) => navigate(`/research/groups/${g.id}`)} /> : null}
    </>
  );
}
