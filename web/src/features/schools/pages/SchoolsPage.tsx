import { Button, Card, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LOCALITIES, SCHOOL_KINDS } from '@shared/domain';
import type { School, SchoolFilters } from '@shared/api-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/list/use-export';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool, readEnum, readInt, readString } from '../../../app/search-params';
import { exportSchools, listSchools } from '../api/schools.api';
import { SchoolFilterBar } from '../components/SchoolFilterBar';

/** The filters of the school list, read from the URL. */
function readFilters(params: URLSearchParams): SchoolFilters {
  return {
    countyId: readInt(params, 'countyId'),
    kind: readEnum(params, 'kind', SCHOOL_KINDS),
    locality: readEnum(params, 'locality', LOCALITIES),
    poorVillage: readBool(params, 'poorVillage'),
    q: readString(params, 'q'),
  };
}

/** Schools in the caller's scope: filter, page through, export, open one. */
export default function SchoolsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listSchools });
  const exporter = useExport(() => exportSchools(filters));

  return (
    <>
      <PageHeader
        title={t('schools.title')}
        note={data ? t('schools.totalSchools', { total: data.total }) : undefined}
        extra={
          can(me, 'school:export') ? (
            <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-schools">
              {t('common.export')}
            </Button>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <SchoolFilterBar filters={filters} onChange={patch} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<School>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 960 }}
          onRow={(school) => ({ onClick: () => navigate(`/schools/${school.id}`) })}
          pagination={pagination}
          columns={[
            {
              title: t('schools.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 220,
              render: (name: string, school) => (
                <Link to={`/schools/${school.id}`} onClick={(event) => event.stopPropagation()}>
                  {name}
                </Link>
              ),
            },
            { title: t('schools.code'), dataIndex: 'code', width: 130 },
            { title: t('schools.kind'), dataIndex: 'kind', width: 110, render: (kind: School['kind']) => t(`schoolKinds.${kind}`) },
            { title: t('schools.county'), dataIndex: 'countyName', width: 110 },
            { title: t('schools.township'), dataIndex: 'township', width: 130, ellipsis: true },
            {
              title: t('schools.locality'),
              dataIndex: 'locality',
              width: 150,
              render: (locality: School['locality'], school) => (
                <>
                  {t(`localities.${locality}`)}
                  {school.poorVillage ? (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      {t('schools.poorVillageTag')}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            { title: t('schools.studentCount'), dataIndex: 'studentCount', width: 90, align: 'right' },
            { title: t('schools.staffCount'), dataIndex: 'staffCount', width: 100, align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
