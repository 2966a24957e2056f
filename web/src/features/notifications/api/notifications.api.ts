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
 * The stream opens a few seconds after the page: the page's own first requests keep the few
 * connections a browser allows a site over HTTP/1.1 (six, and the stream holds one for good), and
 * the bell has just read the inbox anyway.
 */
const STREAM_DELAY_MS = 5000;

/**
 * Listens to the server's notification stream (Server-Sent Events, from any node of a cluster) and
 * tells every inbox listener (`onInboxChanged`) when the inbox got something — and when the stream
 * reconnects, since events may have been missed while it was down. EventSource reconnects by
 * itself; where it is missing or the server refuses the stream nothing is heard, and the
 * listeners' own polling carries on alone.
 */
export function openInboxStream(): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let source: EventSource | null = null;
  const timer = setTimeout(() => {
    source = new EventSource('/api/notifications/stream');
    // Every open refreshes: something may have arrived before the stream opened or while it was down.
    source.addEventListener('open', () => changed(null));
    source.addEventListener('notification', () => changed(null));
  }, STREAM_DELAY_MS);
  return () => {
    clearTimeout(timer);
    source?.close();
  };
}
