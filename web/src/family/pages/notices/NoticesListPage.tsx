import { useEffect, useState } from 'react';
import { useNoticesT } from './notices.i18n';
import { Link } from 'react-router';
import type { NoticesUnread, ReceivedNoticesPage } from '@shared/family-notices-api-types';
import { myNotices, unreadNotices } from './notices.api';
import { s } from './notices.styles';

/** 通知 (/family/notices): unread first, each labelled with the child (or children) it is about; a chip per child filters. */
export default function NoticesListPage() {
  const t = useNoticesT();
  const [studentId, setStudentId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState<ReceivedNoticesPage | null>(null);
  const [children, setChildren] = useState<NoticesUnread['byChild']>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const c = new AbortController();
    myNotices({ studentId }, c.signal).then(setPage, (e: Error) => !c.signal.aborted && setError(e.message));
    return () => c.abort();
  }, [studentId]);
  useEffect(() => {
    const c = new AbortController();
    unreadNotices(c.signal).then((u) => setChildren(u.byChild), () => undefined);
    return () => c.abort();
  }, []);

  return (
    <div style={s.page}>
      {children.length > 1 ? (
        <div style={s.filter}>
          <button type="button" style={{ ...s.chip, ...(studentId === undefined ? s.chipOn : {}) }} onClick={() => setStudentId(undefined)}>{t('notices.all')}</button>
          {children.map((c) => (
            <button type="button" key={c.studentId} style={{ ...s.chip, ...(studentId === c.studentId ? s.chipOn : {}) }} onClick={() => setStudentId(c.studentId)}>{c.label}</button>
          ))}
        </div>
      ) : null}
      {error ? <div style={s.error}>{error}</div> : null}
      {page && page.items.length === 0 ? <div style={s.empty}>{t('notices.empty')}</div> : null}
      {page?.items.map((n) => (
        <Link key={n.id} to={`/notices/${n.id}`} style={{ ...s.card, ...(n.readAt ? {} : s.unread) }}>
          <p style={s.title}>
            {n.emergency ? <span style={s.urgentTag}>{t('notices.emergency')}</span> : n.urgent ? <span style={s.urgentTag}>{t('notices.urgent')}</span> : null}
            {n.title}
          </p>
          <div style={s.meta}>
            {n.senderName} · {new Date(n.createdAt).toLocaleString()} · {n.readAt ? (n.mustConfirm && !n.confirmedAt ? t('notices.toConfirm') : t('notices.read')) : t('notices.unread')}
          </div>
          <div>{n.children.map((c) => <span key={c.studentId} style={s.tag}>{c.label}</span>)}</div>
        </Link>
      ))}
    </div>
  );
}
