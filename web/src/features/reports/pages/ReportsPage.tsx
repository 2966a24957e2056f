import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Report, ReportFilters } from '@shared/api-types';
import { useApi } from '../../../api/use-api';
import { useAsOfDay } from '../../../app/as-of';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readInt, readString } from '../../../app/search-params';
import { formatInstant, platformToday } from '../../../app/time';
import { percent } from '../../dashboards/components/links';
import { getReportSettings, listReports, REPORT_DEPARTMENTS, REPORT_PERIODS, REPORT_STATUSES } from '../api/reports.api';
import { ExportModal } from '../components/ExportModal';
import { NewReportModal } from '../components/NewReportModal';
import { ReportStatusTag, reviewsForCity, writableDepartments } from '../components/report-status';
import { ReportFilterBar } from '../components/ReportFilterBar';
import { SettingsModal } from '../components/SettingsModal';

function readFilters(params: URLSearchParams): ReportFilters {
  return {
    countyId: readInt(params, 'countyId'),
    department: readEnum(params, 'department', REPORT_DEPARTMENTS),
    status: readEnum(params, 'status', REPORT_STATUSES),
    period: readEnum(params, 'period', REPORT_PERIODS),
    from: readString(params, 'from'),
    to: readString(params, 'to'),
  };
}

/** 上报: the county departments' periodic reports, newest period first, and the official Excel tables. */
export default function ReportsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const asOfDay = useAsOfDay();
  const asOf = asOfDay ?? platformToday().format('YYYY-MM-DD');
  const departments = writableDepartments(me);
  const reviewer = reviewsForCity(me);
  // Asked once the day is known: asking for today first would be answered and thrown away.
  const settings = useApi((signal) => (asOfDay ? getReportSettings(asOfDay, signal) : new Promise<never>(() => undefined)), [asOfDay]);
  const [dialog, setDialog] = useState<'create' | 'settings' | 'compliance' | 'rollout' | null>(null);
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listReports });

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        note={data ? t('reports.note', { total: data.total }) : undefined}
        extra={
          <>
            {settings.data ? (
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="report-settings">
                {t(`reports.periods.${settings.data.period}`)} · {t('reports.currentPeriod', { label: settings.data.current.label })}
              </Typography.Text>
            ) : null}
            {reviewer && settings.data ? (
              <Button icon={<SettingOutlined />} onClick={() => setDialog('settings')}>{t('reports.settings')}</Button>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('compliance')} data-testid="export-compliance">{t('reports.exportCompliance')}</Button>
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('rollout')} data-testid="export-rollout">{t('reports.exportRollout')}</Button>
            {departments.length && settings.data ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')} data-testid="create-report">{t('reports.create')}</Button>
            ) : null}
          </>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <ReportFilterBar filters={filters} onChange={patch} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<Report>
          className="clickable-rows"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          onRow={(report) => ({ onClick: () => navigate(`/reports/${report.id}`) })}
          pagination={pagination}
          locale={{ emptyText: t('reports.empty') }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('reports.period'),
              dataIndex: 'periodLabel',
              width: 200,
              render: (label: string, report) => (
                <Link to={`/reports/${report.id}`} onClick={(event) => event.stopPropagation()}>{label}</Link>
              ),
            },
            { title: t('reports.county'), dataIndex: 'countyName', width: 110 },
            { title: t('reports.department'), dataIndex: 'department', width: 110, render: (d: Report['department']) => t(`departments.${d}`) },
            {
              title: t('reports.status'),
              dataIndex: 'status',
              width: 100,
              render: (status: Report['status'], report) => <ReportStatusTag status={status} comment={report.returnComment} />,
            },
            { title: t('reports.rate'), dataIndex: 'rate', width: 90, align: 'right', render: (rate: number | null) => percent(rate) },
            {
              title: t('reports.submittedAt'),
              dataIndex: 'submittedAt',
              responsive: ['md'],
              render: (at: string | null, report) => (at ? <Flex vertical><span>{report.submittedByName}</span><Typography.Text type="secondary">{formatInstant(at)}</Typography.Text></Flex> : '—'),
            },
            {
              title: t('reports.reviewedAt'),
              dataIndex: 'reviewedAt',
              responsive: ['md'],
              render: (at: string | null, report) => (at ? <Flex vertical><span>{report.reviewedByName}</span><Typography.Text type="secondary">{formatInstant(at)}</Typography.Text></Flex> : '—'),
            },
          ]}
        />
      </Card>
      {dialog === 'create' && settings.data ? (
        <NewReportModal
          period={settings.data.period}
          departments={departments}
          defaultDay={asOf}
          onClose={() => setDialog(null)}
          onOpen={(id) => navigate(`/reports/${id}`)}
        />
      ) : null}
      {dialog === 'settings' && settings.data ? (
        <SettingsModal settings={settings.data} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); settings.reload(); }} />
      ) : null}
      {dialog === 'compliance' || dialog === 'rollout' ? <ExportModal table={dialog} asOf={asOf} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
