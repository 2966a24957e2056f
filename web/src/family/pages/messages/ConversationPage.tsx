import type { FamilyMessage } from '@shared/messages-api-types';
import { Button, Dialog, ErrorBlock, NavBar, NoticeBar, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../../api/use-api';
import { useMessagesT } from './use-messages-t';
import { conversation, markRead, messagePage, postMessage, reportMessage } from '../../../features/messages/api/messages.api';
import { hoursText } from './hours-text';

const MAX = 1000;

/**
 * One conversation: the teachers' working hours in the header (and, outside them, the note that
 * the message will be read in working hours — it still goes), the messages newest last, an input,
 * and "举报" on others' messages. Nothing can be deleted.
 */
export default function ConversationPage() {
  const t = useMessagesT();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const header = useApi((signal) => conversation(id, signal), [id]);
  const [items, setItems] = useState<FamilyMessage[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    messagePage(id, {}, controller.signal).then((page) => {
      setItems(page.items);
      setHasMore(page.hasMore);
      void markRead(id).catch(() => undefined);
    }, (e: unknown) => { if (!controller.signal.aborted) setError(e); });
    return () => controller.abort();
  }, [id]);

  async function older() {
    const page = await messagePage(id, { before: items[0]?.id });
    setItems((prev) => [...page.items, ...prev]);
    setHasMore(page.hasMore);
  }

  async function send() {
    if (!text.trim()) return;
    setSending(true);
    try {
      const m = await postMessage(id, text);
      setItems((prev) => [...prev, m]);
      setText('');
    } catch {
      Toast.show({ content: t('messages.sendFailed') });
    } finally {
      setSending(false);
    }
  }

  function report(m: FamilyMessage) {
    let reason = '';
    void Dialog.confirm({
      title: t('messages.reportTitle'),
      content: <TextArea placeholder={t('messages.reportReason')} maxLength={200} rows={3} onChange={(v) => { reason = v; }} />,
      confirmText: t('messages.report'),
      cancelText: t('messages.cancel'),
      onConfirm: async () => {
        if (!reason.trim()) {
          Toast.show({ content: t('messages.reportReasonNeeded') });
          throw new Error('reason');
        }
        await reportMessage(m.id, reason);
        Toast.show({ content: t('messages.reported') });
      },
    });
  }

  if (error || header.error) return <ErrorBlock status="empty" title={t('messages.notFound')} description="" />;
  const detail = header.data;
  const c = detail?.conversation;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <NavBar onBack={() => navigate('/messages')}>
        {c ? (c.kind === 'class' ? t('messages.classLabel', { label: c.label }) : c.label) : ''}
      </NavBar>
      {detail?.teachers.filter((s) => s.hours.length).map((s) => (
        <div key={s.userId} style={{ padding: '4px 12px', fontSize: 12, color: '#666' }}>
          {t('messages.hoursOf', { name: s.name, hours: hoursText(s.hours, t) })}
        </div>
      ))}
      {detail?.offHours && detail.side === 'guardian' ? <NoticeBar content={t('messages.offHours')} color="alert" /> : null}
      <div style={{ flex: 1, overflowY: 'auto', padding: 12 }}>
        {hasMore ? <Button size="mini" fill="none" block onClick={() => void older()}>{t('messages.older')}</Button> : null}
        {items.map((m) => (
          <div key={m.id} style={{ display: 'flex', flexDirection: 'column', alignItems: m.mine ? 'flex-end' : 'flex-start', margin: '8px 0' }}>
            <span style={{ fontSize: 11, color: '#999' }}>{m.sender.name} · {m.createdAt.slice(5, 16).replace('T', ' ')}</span>
            <div style={{
              maxWidth: '80%', padding: '8px 12px', borderRadius: 8, whiteSpace: 'pre-wrap', wordBreak: 'break-word',
              background: m.hidden ? '#f5f5f5' : m.mine ? '#d6f5e3' : '#fff', color: m.hidden ? '#999' : undefined,
              fontStyle: m.hidden ? 'italic' : undefined,
            }}
            >
              {m.body}
            </div>
            {!m.mine && !m.hidden ? (
              <Button size="mini" fill="none" style={{ color: '#999' }} onClick={() => report(m)}>{t('messages.report')}</Button>
            ) : null}
          </div>
        ))}
        {items.length === 0 ? <div style={{ textAlign: 'center', color: '#999' }}>{t('messages.noMessagesYet')}</div> : null}
      </div>
      <div style={{ display: 'flex', gap: 8, padding: 8, borderTop: '1px solid #eee', alignItems: 'flex-end' }}>
        <TextArea value={text} onChange={setText} placeholder={t('messages.placeholder')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={MAX} style={{ flex: 1 }} />
        <Button color="primary" size="small" loading={sending} disabled={!text.trim()} onClick={() => void send()}>{t('messages.send')}</Button>
      </div>
    </div>
  );
}
