import { Button, Card, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditFilters, AuditResult } from '@shared/api-types';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { useExport } from '../../../app/list/use-export';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readEnum, readString } from '../../../app/search-params';
import { AUDIT_RESULTS, exportAudit, listAudit } from '../api/audit.api';
import { actionLabel } from '../components/audit-actions';
import { detailText, targetText } from '../components/audit-detail';
import { AuditFilterBar } from '../components/AuditFilterBar';
import { formatInstant } from '../../../app/time';

const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };

function readFilters(params: URLSearchParams): AuditFilters {
  return {
    from: readString(params, 'from'),
    to: readString(params, 'to'),
    actor: readString(params, 'actor'),
    action: readString(params, 'action'),
    result: readEnum(params, 'result', AUDIT_RESULTS),
  };
}

/** The audit log (audit:read): who did what, when, from where, and whether it was allowed. */
export default function AuditPage() {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const { filters, patch, pagination, data, error, loading, reload } = usePagedList({ readFilters, load: listAudit, defaultPageSize: 50 });
  const exporter = useExport(() => exportAudit(filters));

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        note={t('audit.retention')}
        extra={
          can(me, 'audit:export') ? (
            <Button icon={<DownloadOutlined />} loading={exporter.exporting} onClick={exporter.run} data-testid="export-audit">
              {t('common.export')}
            </Button>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { paddingBottom: 8 } }}>
        <AuditFilterBar filters={filters} onChange={patch} />
        {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={pagination}
          columns={[
            { title: t('auditLabels.atBeijing'), dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at, 'YYYY-MM-DD HH:mm:ss') },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (name: string) => name || t('audit.system') },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 180,
              // The code stays at hand for the auditor who searches by it, in the cell's title.
              render: (action: string) => <span title={action}>{actionLabel(t, i18n.exists, action)}</span>,
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 220,
              render: (_, entry) => targetText(t, i18n.exists, entry),
            },
            {
              title: t('audit.result'),
              dataIndex: 'result',
              width: 90,
              render: (result: AuditResult) => <Tag color={RESULT_COLORS[result]}>{t(`audit.results.${result}`)}</Tag>,
            },
            { title: t('audit.ip'), dataIndex: 'ip', width: 140 },
            {
              title: t('audit.detail'),
              dataIndex: 'detail',
              ellipsis: { showTitle: false },
              render: (detail: AuditEntry['detail']) => {
                const text = detailText(t, i18n.exists, detail);
                return (
                  <Tooltip placement="topLeft" title={text}>
                    {text || '—'}
                  </Tooltip>
                );
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
