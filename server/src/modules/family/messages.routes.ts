import { Type } from 'typebox';
import type { AppInstance } from '../../http/app-types.js';
import {
  ContactsSchema, ConversationDetailSchema, ConversationListSchema, DismissBody, IdParams, ListQuery, MessagePageQuery, MessagePageSchema,
  MessageSchema, PostMessageBody, ReadSavedSchema, ReasonBody, ReportListQuery, ReportListSchema, ReportSavedSchema, ReportSchema,
  StartClassBody, StartDirectBody, UnreadCountSchema, WorkingHoursBody, WorkingHoursSchema,
} from './messages.schema.js';
import type { MessagesService } from './messages.service.js';

const Started = Type.Object({ id: Type.Integer(), created: Type.Boolean() });

/**
 * 家校沟通: conversations between guardians and their children's class staff. Participants read
 * and write; nobody deletes (there is no DELETE route); the principal handles reports and hides.
 */
export function registerMessagesRoutes(app: AppInstance, deps: { messages: MessagesService }) {
  const { messages } = deps;
  const tags = ['messages'];

  app.get('/api/family/conversations', {
    config: { access: 'family:read' },
    schema: { tags, summary: '我的家校会话 / My conversations, latest first, with unread counts', querystring: ListQuery, response: { 200: ConversationListSchema } },
  }, async (req) => messages.list(req.actor!, req.query));

  app.get('/api/family/conversations/unread-count', {
    config: { access: 'family:read' },
    schema: { tags, summary: '未读消息数 / Unread messages in my conversations', response: { 200: UnreadCountSchema } },
  }, async (req) => messages.unreadCount(req.actor!));

  app.get('/api/family/message-contacts', {
    config: { access: 'family:read' },
    schema: { tags, summary: '可联系的人 / Whom I may write to: my children\'s class staff, or my classes\' guardians', response: { 200: ContactsSchema } },
  }, async (req) => messages.contacts(req.actor!));

  app.post('/api/family/conversations', {
    config: { access: 'family:read' },
    schema: { tags, summary: '发起一对一会话 / Open a conversation about a child (guardian ↔ class staff)', body: StartDirectBody, response: { 200: Started } },
  }, async (req) => messages.startDirect(req.actor!, req.body, req.ip));

  app.post('/api/family/conversations/class', {
    config: { access: 'class:write' },
    schema: { tags, summary: '发起班级会话 / Open the class conversation (class staff)', body: StartClassBody, response: { 200: Started } },
  }, async (req) => messages.startClass(req.actor!, req.body.classId, req.ip));

  app.get('/api/family/conversations/:id', {
    config: { access: 'family:read' },
    schema: { tags, summary: '会话 / A conversation\'s header with the teachers\' working hours', params: IdParams, response: { 200: ConversationDetailSchema } },
  }, async (req) => messages.get(req.actor!, req.params.id));

  app.get('/api/family/conversations/:id/messages', {
    config: { access: 'family:read' },
    schema: { tags, summary: '会话消息 / A page of messages, newest last', params: IdParams, querystring: MessagePageQuery, response: { 200: MessagePageSchema } },
  }, async (req) => messages.messages(req.actor!, req.params.id, req.query));

  app.post('/api/family/conversations/:id/messages', {
    config: { access: 'family:read' },
    schema: { tags, summary: '发送消息 / Post a message (never deleted)', params: IdParams, body: PostMessageBody, response: { 200: MessageSchema } },
  }, async (req) => messages.post(req.actor!, req.params.id, req.body.body, req.ip));

  app.post('/api/family/conversations/:id/read', {
    config: { access: 'family:read' },
    schema: { tags, summary: '标记已读 / Mark the conversation read', params: IdParams, response: { 200: ReadSavedSchema } },
  }, async (req) => messages.markRead(req.actor!, req.params.id));

  app.post('/api/family/messages/:id/report', {
    config: { access: 'family:read' },
    schema: { tags, summary: '举报消息 / Report a message to the school', params: IdParams, body: ReasonBody, response: { 200: ReportSavedSchema } },
  }, async (req) => messages.report(req.actor!, req.params.id, req.body.reason, req.ip));

  app.get('/api/family/message-reports', {
    config: { access: 'class:write' },
    schema: { tags, summary: '消息举报 / Reports of the school\'s messages (principal, audited)', querystring: ReportListQuery, response: { 200: ReportListSchema } },
  }, async (req) => messages.reports(req.actor!, req.query.state, req.ip));

  app.post('/api/family/message-reports/:id/hide', {
    config: { access: 'class:write' },
    schema: { tags, summary: '隐藏被举报消息 / Hide a reported message for a reason (principal, audited)', params: IdParams, body: ReasonBody, response: { 200: ReportSchema } },
  }, async (req) => messages.hide(req.actor!, req.params.id, req.body.reason, req.ip));

  app.post('/api/family/message-reports/:id/dismiss', {
    config: { access: 'class:write' },
    schema: { tags, summary: '驳回举报 / Close a report without hiding (principal)', params: IdParams, body: DismissBody, response: { 200: ReportSchema } },
  }, async (req) => messages.dismiss(req.actor!, req.params.id, req.body.note, req.ip));

  app.get('/api/family/working-hours/mine', {
    config: { access: 'class:write' },
    schema: { tags, summary: '我的工作时间 / My working hours (teachers)', response: { 200: WorkingHoursSchema } },
  }, async (req) => messages.myHours(req.actor!));

  app.put('/api/family/working-hours/mine', {
    config: { access: 'class:write' },
    schema: { tags, summary: '设置工作时间 / Set my working hours (weekday ranges, Asia/Shanghai)', body: WorkingHoursBody, response: { 200: WorkingHoursSchema } },
  }, async (req) => messages.setHours(req.actor!, req.body.ranges, req.ip));
}
