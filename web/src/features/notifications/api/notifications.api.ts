import type { Inbox, Notification } from '@shared/supervision-api-types';
import { api } from '../../../api/client';

// Marking read anywhere tells the bell to count again.
const CHANGED = 'sunshine:notifications-changed';

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

function changed<T>(value: T): T {
  window.dispatchEvent(new Event(CHANGED));
  return value;
}

export function listInbox(query: { unread?: boolean; page: number; pageSize: number }, signal?: AbortSignal) {
  return api.get<Inbox>('/api/notifications', { query: { ...query }, signal });
}

export function unreadCount(signal?: AbortSignal) {
  return api.get<{ unread: number }>('/api/notifications/unread-count', { signal });
}

export async function markRead(id: number) {
  return changed(await api.post<Notification>(`/api/notifications/${id}/read`));
}

export async function markAllRead() {
  return changed(await api.post<{ marked: number }>('/api/notifications/read-all'));
}
