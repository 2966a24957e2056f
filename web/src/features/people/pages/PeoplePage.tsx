import { useState } from 'react';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@shared/domain';
import type { PeopleFilters, Person } from '@shared/api-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { roleLabel } from '../../../app/role-label';
import { useExport } from '../../../app/list/use-export';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readInt, readString } from '../../../app/search-params';
import { exportPeople, listPeople } from '../api/people.api';
import { PeopleFilterBar } from '../components/PeopleFilterBar';
import { PersonCreateModal } from '../components/PersonCreateModal';
import { PersonDrawer } from '../components/PersonDrawer';
import { PersonStatus } from '../components/PersonStatus';

function readFilters(params: URLSearchParams): PeopleFilters {
  return {
    q: readString(params, 'q'),
    countyId: readInt(params, 'countyId'),
    schoolId: readInt(params, 'schoolId'),
    role: readEnum(params, 'role', ROLES),
  };
}

/** Staff and their roles; the open person is in the URL (?person=12) so it can be linked. */
export default function PeoplePage() {
  const me = useMe();
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const { params, filters, page, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listPeople });
  const exporter = useExport(() => exportPeople(filters));
  const openPerson = readInt(params, 'person');

  return (
    <>
      <PageHeader
        title={t('people.title')}
        note={data ? t('people.totalPeople', { total: data.total }) : undefined}
        extra={
          <>
            {can(me, 'person:export') ? (
              <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run}>
                {t('common.export')}
              </Button>
            ) : null}
            {can(me, 'person:write') ? (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="create-person">
                {t('people.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <PeopleFilterBar filters={filters} onChange={patch} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<Person>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 860 }}
          onRow={(person) => ({ onClick: () => patch({ person: person.id, page: page === 1 ? undefined : page }) })}
          pagination={pagination}
          columns={[
            { title: t('people.name'), dataIndex: 'name', width: 120, fixed: 'left', render: (name: string) => <a>{name}</a> },
            { title: t('people.username'), dataIndex: 'username', width: 200 },
            { title: t('people.phone'), dataIndex: 'phone', width: 130, render: (phone: string | null) => phone || '—' },
            {
              title: t('people.roles'),
              key: 'roles',
              render: (_, person) => (
                <Flex wrap gap={4}>
                  {person.assignments.length
                    ? person.assignments.map((assignment) => (
                        <Tag key={assignment.id} color="blue" variant="filled">
                          {roleLabel(t, assignment)}
                        </Tag>
                      ))
                    : '—'}
                </Flex>
              ),
            },
            { title: t('people.status'), key: 'status', width: 150, render: (_, person) => <PersonStatus person={person} /> },
          ]}
        />
      </Card>
      {openPerson ? (
        <PersonDrawer
          personId={openPerson}
          onClose={() => patch({ person: undefined, page: page === 1 ? undefined : page })}
          onChanged={reload}
        />
      ) : null}
      {creating ? (
        <PersonCreateModal
          onClose={() => setCreating(false)}
          onCreated={(person) => {
            setCreating(false);
            reload();
            patch({ person: person.id, page: page === 1 ? undefined : page });
          }}
        />
      ) : null}
    </>
  );
}
