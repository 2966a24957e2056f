import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReportDetail, ReportPatch } from '@shared/api-types';
import { ApiError } from '../../../api/client';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { FullPageSpin } from '../../../app/components/FullPageSpin';
import { approveReport, getReport, refreshFigures, returnReport, submitReport, updateReport } from '../api/reports.api';
import { CommentModal } from '../components/CommentModal';
import { ReportFiguresCard } from '../components/ReportFiguresCard';
import { ReportHistory } from '../components/ReportHistory';
import { ReportStatusTag } from '../components/report-status';

type Narrative = Required<ReportPatch>;
const FIELDS = ['progress', 'problems', 'nextSteps'] as const;

/** One report: its read-only figures, the narrative the county writes, the workflow's actions and its history. */
export default function ReportDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const loaded = useApi((signal) => getReport(id, signal), [id]);
  const [report, setReport] = useState<ReportDetail | undefined>(undefined);
  const [form] = Form.useForm<Narrative>();
  const [busy, setBusy] = useState<'save' | 'figures' | null>(null);
  const [dialog, setDialog] = useState<'submit' | 'return' | 'approve' | null>(null);

  useEffect(() => { if (loaded.data) setReport(loaded.data); }, [loaded.data]);
  useEffect(() => {
    if (report) form.setFieldsValue({ progress: report.progress, problems: report.problems, nextSteps: report.nextSteps });
  }, [report, form]);

  if (!Number.isInteger(id) || (loaded.error instanceof ApiError && loaded.error.status === 404)) {
    return (
      <Result status="404" title={t('status.notFoundTitle')} subTitle={t('errors.NOT_FOUND')}
        extra={<Link to="/reports"><Button type="primary">{t('common.back')}</Button></Link>} />
    );
  }
  if (loaded.error && !report) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!report) return <FullPageSpin height={320} />;
  const r = report;

  async function run(kind: 'save' | 'figures', action: () => Promise<ReportDetail>, done: string) {
    setBusy(kind);
    try {
      setReport(await action());
      void message.success(done);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  // Unsaved narrative goes with the submission: a preparer should not lose what they typed.
  async function submit(comment: string) {
    if (form.isFieldsTouched()) await updateReport(r.id, form.getFieldsValue());
    setReport(await submitReport(r.id, comment || undefined));
    setDialog(null);
    void message.success(t('reports.submitted'));
  }

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/reports">{t('reports.title')}</Link> }, { title: `${r.countyName}${t(`departments.${r.department}`)}` }, { title: r.periodLabel }]} />
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex vertical gap={4}>
            <Flex align="center" gap={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
                {r.countyName}{t(`departments.${r.department}`)} · {r.periodLabel}
              </Typography.Title>
              <ReportStatusTag status={r.status} />
            </Flex>
            <Typography.Text type="secondary">{t(`reports.periods.${r.period}`)} · {r.periodStart} — {r.periodEnd} · {r.createdByName}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap>
            {r.can.submit ? (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('submit')} data-testid="submit-report">
                {t(r.status === 'returned' ? 'reports.resubmit' : 'reports.submit')}
              </Button>
            ) : null}
            {r.can.review ? (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="return-report">{t('reports.return')}</Button>
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('approve')} data-testid="approve-report">{t('reports.approve')}</Button>
              </>
            ) : null}
          </Flex>
        </Flex>
        {r.status === 'returned' && r.returnComment ? (
          <Alert type="error" showIcon style={{ marginTop: 16 }} title={t('reports.returnedAlert', { comment: r.returnComment })} data-testid="returned-alert" />
        ) : null}
        {r.status === 'submitted' ? <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('reports.underReview')} /> : null}
        {r.status === 'approved' ? <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('reports.approvedAlert')} /> : null}
      </Card>

      <ReportFiguresCard
        figures={r.figures}
        figuresAt={r.figuresAt}
        refreshing={busy === 'figures'}
        onRefresh={r.can.edit ? () => void run('figures', () => refreshFigures(r.id), t('reports.refreshed')) : undefined}
      />

      <Card variant="borderless" title={t('reports.narrative')}>
        {r.can.edit ? (
          <Form<Narrative> form={form} layout="vertical" onFinish={(values) => void run('save', () => updateReport(r.id, values), t('reports.saved'))}>
            {FIELDS.map((field) => (
              <Form.Item key={field} name={field} label={t(`reports.${field}`)}>
                <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t(`reports.${field}Placeholder`)} data-testid={`narrative-${field}`} />
              </Form.Item>
            ))}
            <Button htmlType="submit" loading={busy === 'save'} data-testid="save-report">{t('reports.save')}</Button>
          </Form>
        ) : (
          <Flex vertical gap={12}>
            {FIELDS.map((field) => (
              <div key={field}>
                <Typography.Text strong>{t(`reports.${field}`)}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid={`narrative-${field}`}>
                  {r[field] || '—'}
                </Typography.Paragraph>
              </div>
            ))}
          </Flex>
        )}
      </Card>

      <Card variant="borderless" title={t('reports.history')}>
        <ReportHistory events={r.history} />
      </Card>

      {dialog === 'submit' ? (
        <CommentModal title={t('reports.submitTitle')} okText={t(r.status === 'returned' ? 'reports.resubmit' : 'reports.submit')} label={t('reports.comment')}
          hint={t('reports.submitHint')} onClose={() => setDialog(null)} onSubmit={submit} />
      ) : null}
      {dialog === 'return' ? (
        <CommentModal title={t('reports.returnTitle')} okText={t('reports.return')} label={t('reports.returnComment')} required
          requiredMessage={t('reports.returnRequired')} onClose={() => setDialog(null)}
          onSubmit={async (comment) => { setReport(await returnReport(r.id, comment)); setDialog(null); void message.success(t('reports.returned')); }} />
      ) : null}
      {dialog === 'approve' ? (
        <CommentModal title={t('reports.approveTitle')} okText={t('reports.approve')} label={t('reports.approveComment')} onClose={() => setDialog(null)}
          onSubmit={async (comment) => { setReport(await approveReport(r.id, comment || undefined)); setDialog(null); void message.success(t('reports.approved')); }} />
      ) : null}
    </Flex>
  );
}
