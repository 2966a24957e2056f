import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LOCALITIES, SCHOOL_KINDS } from '@shared/domain';
import type { School, SchoolFilters } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readBool, readEnum, readInt, readPaging, readString, usePatchSearchParams } from '../../../app/search-params';
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
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const [exporting, setExporting] = useState(false);

  const filters = readFilters(params);
  const { page, pageSize } = readPaging(params);
  const { data, error, loading, reload } = useApi(
    (signal) => listSchools({ ...filters, page, pageSize }, signal),
    [params.toString()],
  );

  async function onExport() {
    setExporting(true);
    try {
      await exportSchools(filters);
      void message.success(t('common.exportStarted'));
    } catch (reason) {
      void message.error(errorText(reason));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('schools.title')}
        note={data ? t('schools.totalSchools', { total: data.total }) : undefined}
        extra={
          can(me, 'school:export') ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="export-schools">
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
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) =>
              patch({ page: nextPage === 1 ? undefined : nextPage, pageSize: nextSize === 20 ? undefined : nextSize }),
          }}
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
