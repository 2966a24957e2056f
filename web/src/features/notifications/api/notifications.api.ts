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

/**
 * Listens to the server's notification stream (Server-Sent Events, from any node of a cluster) and
 * tells every inbox listener (`onInboxChanged`) when the inbox got something — and when the stream
 * reconnects, since events may have been missed while it was down. EventSource reconnects by
 * itself; where it is missing or the server refuses the stream nothing is heard, and the
 * listeners' own polling carries on alone.
 */
export function openInboxStream(): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/notifications/stream');
  let opened = false;
  source.addEventListener('open', () => {
    // The first open needs no refresh (the listeners just read); a reconnect does.
    if (opened) changed(null);
    opened = true;
  });
  source.addEventListener('notification', () => changed(null));
  return () => source.close();
}
