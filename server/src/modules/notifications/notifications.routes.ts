import type { AppInstance } from '../../http/app-types.js';
import { IdParams, InboxPage, InboxQuery, MarkedSchema, NotificationSchema, UnreadSchema } from './notifications.schema.js';
import type { NotificationsService } from './notifications.service.js';
import type { NotificationStreams } from './notifications.stream.js';

/** 通知: each signed-in person's own inbox (the service confines every query to the caller). */
export function registerNotificationsRoutes(app: AppInstance, deps: { notifications: NotificationsService; streams?: NotificationStreams }) {
  const { notifications, streams } = deps;
  const tags = ['notifications'];

  app.get('/api/notifications', {
    config: { access: 'session' },
    schema: { tags, summary: '我的通知 / My inbox, newest first', querystring: InboxQuery, response: { 200: InboxPage } },
  }, async (req) => notifications.list(req.actor!, req.query));

  app.get('/api/notifications/unread-count', {
    config: { access: 'session' },
    schema: { tags, summary: '未读通知数 / Unread notifications (the bell)', response: { 200: UnreadSchema } },
  }, async (req) => notifications.unreadCount(req.actor!));

  if (streams) {
    app.get('/api/notifications/stream', {
      config: { access: 'session' },
      schema: {
        tags,
        summary: '通知推送 / Server-Sent Events: a `notification` event whenever my inbox gets new notifications (any node); heartbeat comments; 406 without Accept: text/event-stream',
      },
    }, async (req, reply) => streams.open(req, reply, req.actor!.userId));
  }

  app.post('/api/notifications/:id/read', {
    config: { access: 'session' },
    schema: { tags, summary: '标为已读 / Mark one of my notifications read', params: IdParams, response: { 200: NotificationSchema } },
  }, async (req) => notifications.markRead(req.actor!, req.params.id));

  app.post('/api/notifications/read-all', {
    config: { access: 'session' },
    schema: { tags, summary: '全部标为已读 / Mark all my notifications read', response: { 200: MarkedSchema } },
  }, async (req) => notifications.markAllRead(req.actor!));
}
