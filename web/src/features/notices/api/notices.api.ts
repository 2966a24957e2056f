import type {
  NoticeAttachmentView, NoticeAudienceOptions, NoticeProgress, NoticeReceipts, ReceivedNoticeDetail, Reminded, SendNoticeInput, SentNotice, SentNoticesPage,
} from '@shared/family-notices-api-types';
import { api } from '../../../api/client';

export function audienceOptions(signal?: AbortSignal): Promise<NoticeAudienceOptions> {
  return api.get<NoticeAudienceOptions>('/api/notices/audience', { signal });
}

export function uploadAttachment(file: File): Promise<NoticeAttachmentView> {
  const form = new FormData();
  form.append('file', file);
  return api.post<NoticeAttachmentView>('/api/notices/attachments', form);
}

export function sendNotice(input: SendNoticeInput): Promise<SentNotice> {
  return api.post<SentNotice>('/api/notices', input);
}

export function sentNotices(page: number, signal?: AbortSignal): Promise<SentNoticesPage> {
  return api.get<SentNoticesPage>('/api/notices', { query: { page, pageSize: 20 }, signal });
}

export function noticeReceipts(id: number, signal?: AbortSignal): Promise<NoticeReceipts> {
  return api.get<NoticeReceipts>(`/api/notices/${id}/receipts`, { signal });
}

export function noticeProgress(id: number, signal?: AbortSignal): Promise<NoticeProgress> {
  return api.get<NoticeProgress>(`/api/notices/${id}/progress`, { signal });
}

export function remindNotice(id: number, target: 'unread' | 'unconfirmed'): Promise<Reminded> {
  return api.post<Reminded>(`/api/notices/${id}/remind`, { target });
}

/** A notice delivered to a staff member (an emergency notice); opening marks it read. */
export function openReceived(id: number, signal?: AbortSignal): Promise<ReceivedNoticeDetail> {
  return api.get<ReceivedNoticeDetail>(`/api/family/notices/${id}`, { signal });
}

export function confirmReceived(id: number): Promise<{ id: number; readAt: string; confirmedAt: string }> {
  return api.post(`/api/family/notices/${id}/confirm`);
}
