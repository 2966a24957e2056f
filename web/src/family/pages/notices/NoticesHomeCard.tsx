import { useEffect, useState } from 'react';
import { useNoticesT } from './notices.i18n';
import { Link } from 'react-router';
import type { FamilyChildView } from '../../family-types';
import { unreadNotices } from './notices.api';
import { s } from './notices.styles';

/** The home card of one child: how many notices about them are unread. */
export default function NoticesHomeCard({ child }: { child: FamilyChildView }) {
  const t = useNoticesT();
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    const c = new AbortController();
    unreadNotices(c.signal).then((u) => setUnread(u.byChild.find((b) => b.studentId === child.id)?.unread ?? 0), () => undefined);
    return () => c.abort();
  }, [child.id]);
  return (
    <Link to="/notices" style={{ ...s.card, ...(unread ? s.unread : {}) }}>
      <p style={s.title}>{t('notices.homeTitle')}</p>
      <div style={s.meta}>{unread === null ? t('notices.loading') : unread ? t('notices.homeUnread', { count: unread }) : t('notices.homeNone')}</div>
    </Link>
  );
}
