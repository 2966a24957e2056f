import { useEffect, useState } from 'react';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { onInboxChanged, unreadCount } from '../api/notifications.api';

// Reminders arrive at set hours; a minute's delay on the bell is fine and costs one small query.
const POLL_MS = 60_000;

/** The header's bell: the unread count, asked every minute and whenever the inbox changes here; opens the inbox. */
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
    return () => {
      clearInterval(timer);
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
