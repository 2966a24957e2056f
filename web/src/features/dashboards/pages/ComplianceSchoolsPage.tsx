import { Button, Card, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ComplianceSchool } from '@shared/api-types';
import { useAsOfDay } from '../../../app/as-of';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { PageHeader } from '../../../app/components/PageHeader';
import { CountySelect, FilterBar } from '../../../app/list/filter-bar';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool, readEnum, readInt, readString } from '../../../app/search-params';
import { exportComplianceSchools, listComplianceSchools } from '../api/dashboards.api';
import { useExport } from '../../../app/list/use-export';
import { links, percent } from '../components/links';
import { PlatformDatePicker } from '../../../app/PlatformDatePicker';
import { DayStatusNotice } from '../../calendar/components/DayStatusNotice';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 学校达标情况: the list behind the dashboards' figures — schools ranked over a range, lagging ones on their own. */
export default function ComplianceSchoolsPage() {
  const asOf = useAsOfDay();
  return asOf ? <SchoolsList asOf={asOf} /> : <FullPageSpin height="50vh" />;
}

function SchoolsList({ asOf }: { asOf: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({
    readFilters: (params) => {
      const day = (key: string) => {
        const value = readString(params, key);
        return value && DAY.test(value) ? value : undefined;
      };
      return {
        // Without dates: the as-of day's month so far, as the dashboard's month figures.
        from: day('from') ?? `${asOf.slice(0, 8)}01`,
        to: day('to') ?? asOf,
        countyId: readInt(params, 'countyId'),
        met: readBool(params, 'met'),
        // Worst first unless asked otherwise: the list is there to find the schools that need help.
        order: readEnum(params, 'order', ['best', 'worst'] as const) ?? 'worst',
        // Schools not yet tracked (未考核) only when asked for.
        untracked: readBool(params, 'untracked') ?? false,
      };
    },
    load: listComplianceSchools,
  });
  const exporter = useExport(() => exportComplianceSchools(filters));
  const lagging = filters.met === false;

  return (
    <>
      <PageHeader
        title={lagging ? t('dashboards.list.laggingTitle') : t('dashboards.list.title')}
        note={data ? t('dashboards.list.total', { total: data.total, from: filters.from, to: filters.to }) : undefined}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-compliance">
            {t('common.export')}
          </Button>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <FilterBar filters={filters} onChange={patch}>
          <PlatformDatePicker.RangePicker
            className="filter-wide"
            allowClear={false}
            value={[dayjs(filters.from), dayjs(filters.to)]}
            onChange={(values) => patch({ from: values?.[0]?.format('YYYY-MM-DD'), to: values?.[1]?.format('YYYY-MM-DD') })}
            aria-label={t('dashboards.list.range')}
          />
          <CountySelect value={filters.countyId} onChange={(countyId) => patch({ countyId })} label={t('dashboards.list.county')} hideSingle />
          <Select
            allowClear
            placeholder={t('dashboards.list.met')}
            aria-label={t('dashboards.list.met')}
            value={filters.met === undefined ? undefined : String(filters.met)}
            onChange={(value?: string) => patch({ met: value })}
            options={[
              { value: 'false', label: t('dashboards.list.missedSome') },
              { value: 'true', label: t('dashboards.list.metAll') },
            ]}
            data-testid="filter-met"
          />
          <Select
            placeholder={t('dashboards.list.order')}
            aria-label={t('dashboards.list.order')}
            value={filters.order}
            onChange={(order?: string) => patch({ order })}
            options={[
              { value: 'worst', label: t('dashboards.list.worst') },
              { value: 'best', label: t('dashboards.list.best') },
            ]}
            data-testid="filter-order"
          />
          <Flex align="center" gap={8}>
            <Switch
              checked={filters.untracked}
              onChange={(on) => patch({ untracked: on ? 'true' : undefined })}
              aria-label={t('complianceList.showUntracked')}
              data-testid="filter-untracked"
            />
            <span>{t('complianceList.showUntracked')}</span>
          </Flex>
        </FilterBar>
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <DayStatusNotice answer={data} from={filters.from} to={filters.to} />
        <Table<ComplianceSchool>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={pagination}
          scroll={{ x: 1000 }}
          onRow={(school) => ({ onClick: () => navigate(links.school(school.id, filters.to)) })}
          locale={{ emptyText: t('dashboards.list.empty') }}
          columns={[
            { title: t('dashboards.list.rank'), dataIndex: 'rank', width: 64, align: 'right', render: (rank: number | null) => rank ?? '—' },
            {
              title: t('dashboards.list.school'), dataIndex: 'name', width: 220,
              render: (name: string, school) => (
                <Flex vertical>
                  <Link to={links.school(school.id, filters.to)} onClick={(event) => event.stopPropagation()}>{name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{school.code} · {t(`schoolKinds.${school.kind}`)}</Typography.Text>
                </Flex>
              ),
            },
            { title: t('dashboards.list.county'), dataIndex: 'countyName', width: 100 },
            {
              title: t('dashboards.list.rate'), dataIndex: 'rate', width: 90, align: 'right',
              render: (rate: number | null, school) => (school.tracked ? percent(rate) : <Tag>{t('dashboards.list.untracked')}</Tag>),
            },
            { title: t('dashboards.list.schoolDays'), dataIndex: 'schoolDays', width: 80, align: 'right' },
            { title: t('dashboards.list.metDays'), dataIndex: 'metDays', width: 80, align: 'right' },
            {
              title: t('dashboards.list.missedDays'), dataIndex: 'missedDays', width: 80, align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            },
            { title: t('dashboards.list.streak'), key: 'streak', width: 110, align: 'right', render: (_, s) => `${s.currentStreak} / ${s.longestStreak}` },
            {
              title: t('dashboards.list.responsible'), key: 'responsible', width: 200,
              render: (_, s) => (
                <Flex vertical>
                  <span>{s.responsible.departmentName ?? t(`departments.${s.responsible.department}`)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.responsible.people.map((p) => p.name).join('、') || '—'}</Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
