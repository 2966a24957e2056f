import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Modal, Tag, Typography, message as toast } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FamilyMessage } from '@shared/messages-api-types';
import { useApi } from '../../../api/use-api';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { formatInstant } from '../../../app/time';
import { conversation, markRead, messagePage, postMessage, reportMessage } from '../api/messages.api';

/** One conversation for class staff: the messages newest last, an input, and "举报" on others' messages. Nothing is deleted. */
export function ConversationView({ id, onRead }: { id: number; onRead: () => void }) {
  const { t } = useTranslation();
  const header = useApi((signal) => conversation(id, signal), [id]);
  const [items, setItems] = useState<FamilyMessage[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [reporting, setReporting] = useState<FamilyMessage | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    messagePage(id, {}, controller.signal).then((page) => {
      setItems(page.items);
      setHasMore(page.hasMore);
      void markRead(id).then(onRead, () => undefined);
    }, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [id, onRead]);

  async function older() {
    const page = await messagePage(id, { before: items[0]?.id });
    setItems((prev) => [...page.items, ...prev]);
    setHasMore(page.hasMore);
  }

  async function send() {
    try {
      const m = await postMessage(id, text);
      setItems((prev) => [...prev, m]);
      setText('');
    } catch (e) {
      setError(e);
    }
  }

  async function report() {
    if (!reporting) return;
    await reportMessage(reporting.id, reason);
    setReporting(null);
    setReason('');
    void toast.success(t('messages.reported'));
  }

  const c = header.data?.conversation;
  return (
    <Card title={c ? (c.kind === 'class' ? t('messages.classLabel', { label: c.label }) : `${c.label} · ${c.guardian?.name ?? ''}`) : ''} variant="borderless">
      <Flex vertical gap={12}>
        {error || header.error ? <ErrorAlert error={error ?? header.error} /> : null}
        {hasMore ? <Button size="small" type="link" onClick={() => void older()}>{t('messages.older')}</Button> : null}
        {items.length === 0 ? <Empty description={t('messages.noMessagesYet')} /> : null}
        {items.map((m) => (
          <Flex key={m.id} vertical align={m.mine ? 'flex-end' : 'flex-start'} data-testid="message">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.sender.name} {m.sender.side === 'guardian' ? <Tag>{t('messages.guardian')}</Tag> : null} {formatInstant(m.createdAt)}
            </Typography.Text>
            <div style={{ maxWidth: '75%', padding: '6px 12px', borderRadius: 8, whiteSpace: 'pre-wrap', background: m.hidden ? '#f5f5f5' : m.mine ? '#e6f4ff' : '#fafafa' }}>
              {m.hidden ? <Typography.Text type="secondary" italic>{m.body}</Typography.Text> : m.body}
            </div>
            {!m.mine && !m.hidden ? <Button size="small" type="link" onClick={() => setReporting(m)}>{t('messages.report')}</Button> : null}
          </Flex>
        ))}
        <Alert type="info" showIcon title={t('messages.neverDeleted')} />
        <Flex gap={8}>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('messages.placeholder')} />
          <Button type="primary" disabled={!text.trim()} onClick={() => void send()}>{t('messages.send')}</Button>
        </Flex>
      </Flex>
      <Modal open={reporting !== null} title={t('messages.reportTitle')} okText={t('messages.report')} okButtonProps={{ disabled: !reason.trim() }}
        onOk={() => void report()} onCancel={() => setReporting(null)}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder={t('messages.reportReason')} />
      </Modal>
    </Card>
  );
}
