import type { MeView } from '@shared/domain';

/** `/login?next=<path>`, so that after signing in the person lands where they meant to go. */
export function loginPath(next: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** The `next` parameter if it is a path inside this app (never another site), else home. */
export function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/login')) return '/';
  return raw;
}

/**
 * A person whose only role is parent belongs in the family app (阳光少年 at /family), never in the
 * staff desktop app: the staff app sends them there with a full page load (a different bundle).
 */
export function isFamilyOnly(me: Pick<MeView, 'assignments'>): boolean {
  return me.assignments.length > 0 && me.assignments.every((a) => a.role === 'parent');
}
