import { useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { onInboxChanged, openInboxStream, unreadCount } from '../api/notifications.api';

// The stream below tells the bell at once; polling stays as the fallback (no EventSource, a proxy
// that cuts streams, Redis away between nodes), and a minute's delay then is fine.
const POLL_MS = 60_000;

/**
 * The header's bell: the unread count, asked when the server's stream says the inbox got something,
 * every minute, and whenever the inbox changes here; opens the inbox.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let controller = new AbortController();
    const refresh = () => {
      controller.abort();
      controller = new AbortController();
      unreadCount(controller.signal).then((r) => setUnread(r.unread), () => {});
    };
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const stop = onInboxChanged(refresh);
    // The server's nudges arrive as inbox changes, heard just above.
    const closeStream = openInboxStream();
    return () => {
      clearInterval(timer);
      closeStream();
      stop();
      controller.abort();
    };
  }, []);

  const label = unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Tooltip title={label}>
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="bell-count">
        <Button type="text" icon={<BellOutlined />} aria-label={label} onClick={() => navigate('/notifications')} data-testid="notification-bell" />
      </Badge>
    </Tooltip>
  );
}
