import { App, Badge, Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '@shared/supervision-api-types';
import { useErrorText } from '../../../api/error-text';
import { ErrorAlert } from '../../../app/components/ErrorAlert';
import { PageHeader } from '../../../app/components/PageHeader';
import { usePagedList } from '../../../app/list/use-paged-list';
import { readBool } from '../../../app/search-params';
import { formatInstant } from '../../../app/time';
import { listInbox, markAllRead, markRead } from '../api/notifications.api';

// Known kinds get a coloured label; others (added by later modules) show without one.
const KIND_COLORS: Record<string, string> = {
  quota_reminder: 'orange', daily_digest: 'blue', follow_up_assigned: 'volcano', follow_up_rectified: 'cyan',
  follow_up_verified: 'green', follow_up_reopened: 'red', bulletin: 'gold', room_offline: 'magenta',
};

/** My inbox inside the platform: newest first; opening one marks it read and follows its link. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = usePagedList({
    readFilters: (params) => ({ unread: readBool(params, 'unread') }),
    load: listInbox,
  });

  async function open(n: Notification) {
    try {
      if (!n.readAt) await markRead(n.id);
      if (n.link) navigate(n.link);
      else list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  async function readAll() {
    try {
      const { marked } = await markAllRead();
      void message.success(t('notifications.markedAll', { count: marked }));
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const unread = list.data && 'unread' in list.data ? (list.data as { unread: number }).unread : 0;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        note={t('notifications.unreadNote', { count: unread })}
        extra={<Button onClick={readAll} disabled={!unread} data-testid="read-all">{t('notifications.readAll')}</Button>}
      />
      <Card variant="borderless">
        <Segmented
          value={list.filters.unread ? 'unread' : 'all'}
          onChange={(value) => list.patch({ unread: value === 'unread' ? true : undefined })}
          options={[{ value: 'all', label: t('notifications.all') }, { value: 'unread', label: t('notifications.unreadOnly') }]}
          style={{ marginBottom: 16 }}
        />
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <List<Notification>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          pagination={list.data && list.data.total > list.pageSize ? {
            current: list.page, pageSize: list.pageSize, total: list.data.total, onChange: (page) => list.patch({ page: page === 1 ? undefined : page }),
          } : false}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => void open(n)}
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.7 : 1 }}
              data-testid="notification"
              data-read={n.readAt ? 'true' : 'false'}
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={
                  <Flex gap={8} align="center" wrap>
                    {i18n.exists(`notifications.kinds.${n.kind}`) ? <Tag color={KIND_COLORS[n.kind]}>{t(`notifications.kinds.${n.kind}` as 'notifications.kinds.bulletin')}</Tag> : null}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <Flex vertical gap={2}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(n.createdAt)}</Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
