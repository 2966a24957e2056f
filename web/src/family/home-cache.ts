import type { MeView } from '@shared/domain';
import type { FamilyChildView } from './family-types';

/**
 * What the family app keeps on the phone for a weak or absent connection: who signed in last
 * (without the session's CSRF token) and the home's children as last loaded, keyed by user id so
 * one person's data never shows for another on a shared phone. Cleared on logout. The service
 * worker caches no API answer at all; this is the only copy.
 */
const ME_KEY = 'sunshine.family.me';
const homeKey = (userId: number) => `sunshine.family.home.${userId}`;

export type CachedMe = Omit<MeView, 'csrfToken'>;

export interface CachedHome {
  savedAt: string;
  items: FamilyChildView[];
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable (private mode): the app works online without it.
  }
}

export function rememberMe(me: MeView): void {
  const { csrfToken: _token, ...rest } = me;
  write(ME_KEY, rest);
}

export function lastMe(): CachedMe | null {
  return read<CachedMe>(ME_KEY);
}

export function saveHome(userId: number, items: FamilyChildView[], now = new Date()): void {
  write(homeKey(userId), { savedAt: now.toISOString(), items } satisfies CachedHome);
}

export function lastHome(userId: number): CachedHome | null {
  return read<CachedHome>(homeKey(userId));
}

/** Forgets everything this person left on the phone (logout). */
export function forgetUser(userId: number): void {
  try {
    localStorage.removeItem(homeKey(userId));
    localStorage.removeItem(ME_KEY);
  } catch {
    // Nothing stored.
  }
}
