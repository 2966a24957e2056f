import { useEffect, useState } from 'react';
import { useNoticesT } from './notices.i18n';
import { useParams } from 'react-router';
import type { ReceivedNoticeDetail } from '@shared/family-notices-api-types';
import { attachmentUrl, confirmNotice, openNotice } from './notices.api';
import { s } from './notices.styles';

/** One notice (/family/notices/:id): opening marks it read; a must-confirm notice has the 确认收到 button; attachments download. */
export default function NoticeDetailPage() {
  const t = useNoticesT();
  const id = Number(useParams().id);
  const [notice, setNotice] = useState<ReceivedNoticeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const c = new AbortController();
    openNotice(id, c.signal).then(setNotice, (e: Error) => !c.signal.aborted && setError(e.message));
    return () => c.abort();
  }, [id]);

  async function confirm() {
    setBusy(true);
    try {
      const r = await confirmNotice(id);
      setNotice((n) => (n ? { ...n, confirmedAt: r.confirmedAt, readAt: r.readAt } : n));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <div style={s.page}><div style={s.error}>{error}</div></div>;
  if (!notice) return <div style={s.page}><div style={s.empty}>{t('notices.loading')}</div></div>;
  return (
    <div style={s.page}>
      <div style={s.card}>
        <p style={s.title}>
          {notice.emergency ? <span style={s.urgentTag}>{t('notices.emergency')}</span> : notice.urgent ? <span style={s.urgentTag}>{t('notices.urgent')}</span> : null}
          {notice.title}
        </p>
        <div style={s.meta}>{notice.senderName} · {new Date(notice.createdAt).toLocaleString()}</div>
        <div>{notice.children.map((c) => <span key={c.studentId} style={s.tag}>{c.label}</span>)}</div>
        <div style={s.body}>{notice.body}</div>
      </div>
      {notice.attachments.length ? (
        <div style={s.card}>
          <div style={s.meta}>{t('notices.attachments')}</div>
          {notice.attachments.map((a) => (
            <div key={a.id} style={{ marginTop: 8 }}>
              <a href={attachmentUrl(notice.id, a.id)} download={a.name}>{a.name}</a>
              <span style={s.meta}> ({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)</span>
            </div>
          ))}
        </div>
      ) : null}
      {notice.mustConfirm ? (
        notice.confirmedAt
          ? <div style={s.done}>{t('notices.confirmedAt', { at: new Date(notice.confirmedAt).toLocaleString() })}</div>
          : <button type="button" style={s.button} disabled={busy} onClick={() => void confirm()}>{t('notices.confirm')}</button>
      ) : null}
    </div>
  );
}
