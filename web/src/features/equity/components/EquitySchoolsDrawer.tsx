import { Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EquitySchool, EquitySchoolsQuery } from '@shared/equity-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { listEquitySchools } from '../api/equity.api';
import { useState } from 'react';

/** The responsible department and people of a school, on one line. */
export function ResponsibleCell({ school }: { school: EquitySchool }) {
  const { t } = useTranslation();
  const people = school.responsible.people.map((p) => p.name).join('、') || t('equity.noPrincipal');
  return <span>{school.responsible.departmentName ? `${school.responsible.departmentName} · ` : ''}{people}</span>;
}

/** The schools behind a figure (a KPI card, a bar, an idle count), in a drawer over the page. */
export function EquitySchoolsDrawer({ query, onClose }: { query: EquitySchoolsQuery | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const key = JSON.stringify({ query, paging });
  const { data, error, loading, reload } = useApi(
    (signal) => (query ? listEquitySchools({ ...query, ...paging }, signal) : Promise.resolve(undefined)), [key],
  );
  const title = query
    ? [t(`equity.filters.${query.filter ?? 'all'}`), query.kind ? t(`schoolKinds.${query.kind}` as 'schoolKinds.primary') : null, query.locality ? t(`equity.localities.${query.locality}`) : null]
      .filter(Boolean).join(' · ')
    : '';
  return (
    <Drawer open={Boolean(query)} onClose={onClose} title={title} size={960} data-testid="equity-schools-drawer" destroyOnHidden>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Table<EquitySchool>
        rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []}
        pagination={{ current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        columns={[
          { key: 'name', title: t('equity.columns.school'), dataIndex: 'name' },
          { key: 'county', title: t('equity.columns.county'), dataIndex: 'countyName' },
          { key: 'kind', title: t('equity.columns.kind'), render: (_, s) => t(`schoolKinds.${s.kind}` as 'schoolKinds.primary') },
          {
            key: 'locality', title: t('equity.columns.locality'),
            render: (_, s) => <Tag color={s.poorVillage ? 'red' : undefined}>{t(`equity.localities.${s.locality as 'rural'}`)}</Tag>,
          },
          { key: 'produced', title: t('equity.columns.produced'), render: (_, s) => `${s.produced}（${t('equity.columns.featured')} ${s.featured}）` },
          { key: 'used', title: t('equity.columns.used'), render: (_, s) => `${s.used}（${t('equity.columns.featuredUsed')} ${s.featuredUsed}）` },
          { key: 'responsible', title: t('equity.responsible'), render: (_, s) => <ResponsibleCell school={s} /> },
        ]}
      />
    </Drawer>
  );
}
