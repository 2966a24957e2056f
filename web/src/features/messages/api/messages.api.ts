import type {
  ConversationDetail, ConversationList, FamilyMessage, MessageContacts, MessagePage, MessageReport, MessageReportList,
  MessageReportSaved, UnreadCount, WorkingHours, WorkingRange,
} from '@shared/messages-api-types';
import { api } from '../../../api/client';

/**
 * 家校沟通 over the API. Used by the staff pages and by the family app's pages alike: it pulls
 * nothing but the fetch client, so the family app's bundle stays free of antd.
 */
export function conversations(query: { classId?: number } = {}, signal?: AbortSignal): Promise<ConversationList> {
  return api.get<ConversationList>('/api/family/conversations', { query, signal });
}

export function unreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return api.get<UnreadCount>('/api/family/conversations/unread-count', { signal });
}

export function conversation(id: number, signal?: AbortSignal): Promise<ConversationDetail> {
  return api.get<ConversationDetail>(`/api/family/conversations/${id}`, { signal });
}

/** A page of messages, newest last; `before` pages back. */
export function messagePage(id: number, query: { before?: number; limit?: number } = {}, signal?: AbortSignal): Promise<MessagePage> {
  return api.get<MessagePage>(`/api/family/conversations/${id}/messages`, { query, signal });
}

export function postMessage(id: number, body: string): Promise<FamilyMessage> {
  return api.post<FamilyMessage>(`/api/family/conversations/${id}/messages`, { body });
}

export function markRead(id: number): Promise<{ conversationId: number; lastReadId: number; unread: number }> {
  return api.post(`/api/family/conversations/${id}/read`, {});
}

export function contacts(signal?: AbortSignal): Promise<MessageContacts> {
  return api.get<MessageContacts>('/api/family/message-contacts', { signal });
}

export function startDirect(studentId: number, withUserId: number): Promise<{ id: number; created: boolean }> {
  return api.post('/api/family/conversations', { studentId, withUserId });
}

export function startClass(classId: number): Promise<{ id: number; created: boolean }> {
  return api.post('/api/family/conversations/class', { classId });
}

export function reportMessage(messageId: number, reason: string): Promise<MessageReportSaved> {
  return api.post<MessageReportSaved>(`/api/family/messages/${messageId}/report`, { reason });
}

export function reports(state: 'open' | 'handled' | 'all', signal?: AbortSignal): Promise<MessageReportList> {
  return api.get<MessageReportList>('/api/family/message-reports', { query: { state }, signal });
}

export function hideReported(reportId: number, reason: string): Promise<MessageReport> {
  return api.post<MessageReport>(`/api/family/message-reports/${reportId}/hide`, { reason });
}

export function dismissReport(reportId: number, note?: string): Promise<MessageReport> {
  return api.post<MessageReport>(`/api/family/message-reports/${reportId}/dismiss`, note ? { note } : {});
}

export function myHours(signal?: AbortSignal): Promise<WorkingHours> {
  return api.get<WorkingHours>('/api/family/working-hours/mine', { signal });
}

export function saveHours(ranges: WorkingRange[]): Promise<WorkingHours> {
  return api.put<WorkingHours>('/api/family/working-hours/mine', { ranges });
}
