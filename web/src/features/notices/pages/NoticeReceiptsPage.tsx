import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Flex, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { NoticeProgress, ReceiptPerson } from '@shared/family-notices-api-types';
import { useErrorText } from '../../../api/error-text';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { noticeProgress, noticeReceipts, remindNotice } from '../api/notices.api';

/**
 * How often the emergency view asks for the receipt rate. Polling, not a push channel: one light
 * count per request (an index range of the notice's deliveries), it works through every proxy and
 * on any number of server nodes without sticky sessions, and a lost answer is simply the next one.
 */
const LIVE_MS = 3000;

const people = (list: ReceiptPerson[], none: string) =>
  list.length ? list.map((p) => <Tag key={p.userId} style={{ marginBottom: 4 }}>{p.labels.join('、')}（{p.relation}）</Tag>) : <Typography.Text type="secondary">{none}</Typography.Text>;

/** A sent notice's receipts (/notices/:id): rates, per class who read, confirmed, not yet; one-tap reminders; live for an emergency. */
export default function NoticeReceiptsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const id = Number(useParams().id);
  const receipts = useApi((signal) => noticeReceipts(id, signal), [id]);
  const [live, setLive] = useState<NoticeProgress | null>(null);
  const [busy, setBusy] = useState(false);
  const emergency = receipts.data?.notice.emergency ?? false;

  useEffect(() => {
    if (!emergency) return undefined;
    let stop = false;
    const c = new AbortController();
    const tick = () => noticeProgress(id, c.signal).then((p) => !stop && setLive(p), () => undefined);
    void tick();
    const timer = setInterval(() => void tick(), LIVE_MS);
    return () => { stop = true; clearInterval(timer); c.abort(); };
  }, [id, emergency]);

  async function remind(target: 'unread' | 'unconfirmed') {
    setBusy(true);
    try {
      const r = await remindNotice(id, target);
      message.success(t('familyNotices.receipts.reminded', { count: r.reminded }));
      receipts.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const d = receipts.data;
  const counts = live ?? d;
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
  return (
    <>
      <PageHeader title={d?.notice.title ?? ''} note={d?.notice.audienceLabel} extra={<Link to="/notices">{t('familyNotices.receipts.back')}</Link>} />
      {receipts.error ? <ErrorAlert error={receipts.error} onRetry={receipts.reload} /> : null}
      {d && counts ? (
        <Flex vertical gap={16}>
          <Card>
            <Flex gap={32} wrap align="center">
              <Progress type="dashboard" percent={pct(counts.read, counts.recipients)} format={(p) => `${p}%`} />
              <Space direction="vertical">
                <Statistic title={t('familyNotices.receipts.rate')} value={pct(counts.read, counts.recipients)} suffix="%" />
                <Typography.Text>{t('familyNotices.receipts.recipients', { count: counts.recipients })} · {t('familyNotices.receipts.read', { count: counts.read })}
                  {d.notice.mustConfirm ? ` · ${t('familyNotices.receipts.confirmed', { count: counts.confirmed })}` : ''}</Typography.Text>
                {counts.staff.recipients ? <Typography.Text>{t('familyNotices.receipts.staff', counts.staff)}</Typography.Text> : null}
                {live ? <Typography.Text type="secondary">{t('familyNotices.receipts.live')} · {t('familyNotices.receipts.updatedAt', { at: new Date(live.at).toLocaleTimeString() })}</Typography.Text> : null}
              </Space>
              <Space direction="vertical">
                <Button type="primary" loading={busy} disabled={counts.read === counts.recipients} onClick={() => void remind('unread')}>{t('familyNotices.receipts.remindUnread')}</Button>
                {d.notice.mustConfirm ? <Button loading={busy} onClick={() => void remind('unconfirmed')}>{t('familyNotices.receipts.remindUnconfirmed')}</Button> : null}
              </Space>
            </Flex>
          </Card>
          {!d.namesShown ? <Alert type="info" showIcon title={t('familyNotices.receipts.figuresOnly')} /> : null}
          <Table rowKey="classId" dataSource={d.classes} pagination={d.classes.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t('familyNotices.receipts.school'), dataIndex: 'schoolName' },
              { title: t('familyNotices.receipts.className'), dataIndex: 'className' },
              { title: t('familyNotices.list.read'), render: (_, c) => `${c.read} / ${c.recipients}` },
              ...(d.notice.mustConfirm ? [{ title: t('familyNotices.list.confirmed'), render: (_: unknown, c: (typeof d.classes)[number]) => `${c.confirmed} / ${c.recipients}` }] : []),
            ]}
            expandable={d.namesShown ? {
              expandedRowRender: (c) => c.people ? (
                <Collapse defaultActiveKey={['notRead']} items={[
                  { key: 'notRead', label: `${t('familyNotices.receipts.notRead')} (${c.people.notRead.length})`, children: people(c.people.notRead, t('familyNotices.receipts.none')) },
                  { key: 'read', label: `${t('familyNotices.receipts.readOnly')} (${c.people.read.length})`, children: people(c.people.read, t('familyNotices.receipts.none')) },
                  { key: 'confirmed', label: `${t('familyNotices.receipts.confirmedList')} (${c.people.confirmed.length})`, children: people(c.people.confirmed, t('familyNotices.receipts.none')) },
                ]} />
              ) : null,
            } : undefined}
          />
        </Flex>
      ) : null}
    </>
  );
}
