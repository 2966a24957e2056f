import type { NoticesUnread, ReceivedNoticeDetail, ReceivedNoticesPage } from '@shared/family-notices-api-types';
import { api } from '../../../api/client';

/** The notices delivered to the signed-in guardian, unread first; one child's when `studentId` is given. */
export function myNotices(query: { studentId?: number; page?: number }, signal?: AbortSignal): Promise<ReceivedNoticesPage> {
  return api.get<ReceivedNoticesPage>('/api/family/notices', { query: { studentId: query.studentId, page: query.page ?? 1, pageSize: 50 }, signal });
}

export function unreadNotices(signal?: AbortSignal): Promise<NoticesUnread> {
  return api.get<NoticesUnread>('/api/family/notices/unread', { signal });
}

/** Opens a notice; the server marks it read. */
export function openNotice(id: number, signal?: AbortSignal): Promise<ReceivedNoticeDetail> {
  return api.get<ReceivedNoticeDetail>(`/api/family/notices/${id}`, { signal });
}

export function confirmNotice(id: number): Promise<{ id: number; readAt: string; confirmedAt: string }> {
  return api.post(`/api/family/notices/${id}/confirm`);
}

export const attachmentUrl = (noticeId: number, attachmentId: number) => `/api/family/notices/${noticeId}/attachments/${attachmentId}`;
