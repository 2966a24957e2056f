import { useState } from 'react';
import { App, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEntry, AuditFilters, AuditResult } from '@shared/api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { readEnum, readPaging, readString, usePatchSearchParams } from '../../../app/search-params';
import { AUDIT_RESULTS, exportAudit, listAudit } from '../api/audit.api';
import { actionLabel } from '../components/audit-actions';
import { AuditFilterBar } from '../components/AuditFilterBar';

const RESULT_COLORS: Record<AuditResult, string> = { success: 'green', failure: 'red', denied: 'orange' };

/** `rows: 12; filter: {"countyId":3}`: the event's facts on one line. */
function detailText(detail: AuditEntry['detail'] | null | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

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
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const patch = usePatchSearchParams();
  const [exporting, setExporting] = useState(false);

  const filters = readFilters(params);
  const { page, pageSize } = readPaging(params, 50);
  const { data, error, loading, reload } = useApi((signal) => listAudit({ ...filters, page, pageSize }, signal), [params.toString()]);

  async function onExport() {
    setExporting(true);
    try {
      await exportAudit(filters);
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
        title={t('audit.title')}
        note={t('audit.retention')}
        extra={
          can(me, 'audit:export') ? (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="export-audit">
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
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (nextPage, nextSize) =>
              patch({ page: nextPage === 1 ? undefined : nextPage, pageSize: nextSize === 50 ? undefined : nextSize }),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (name: string) => name || t('audit.system') },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 200,
              render: (action: string) => (
                <Flex vertical>
                  <span>{actionLabel(t, i18n.exists, action)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {action}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 150,
              render: (_, entry) => (entry.targetType ? `${entry.targetType}${entry.targetId ? ` #${entry.targetId}` : ''}` : '—'),
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
                const text = detailText(detail);
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
