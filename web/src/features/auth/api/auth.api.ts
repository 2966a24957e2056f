import type { MeView } from '@shared/domain';
import { api } from '../../../api/client';

/** Signs in; the server sets the session cookie and answers with the person's view. */
export function login(username: string, password: string): Promise<MeView> {
  return api.post<MeView>('/api/auth/login', { username, password }, { redirectOn401: false });
}

/** Ends the session on the server. */
export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

/** The signed-in person, or an ApiError with status 401 when there is no session. */
export function fetchMe(signal?: AbortSignal): Promise<MeView> {
  return api.get<MeView>('/api/me', { signal, redirectOn401: false });
}
