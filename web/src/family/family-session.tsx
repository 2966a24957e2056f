import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeView } from '@shared/domain';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { fetchMe, logout as logoutRequest } from '../features/auth/api/auth.api';
import { type CachedMe, forgetUser, lastMe, rememberMe } from './home-cache';

interface FamilySession {
  /** undefined while the first /api/me is in flight; null when nobody is signed in. */
  me: CachedMe | null | undefined;
  /** True when the server could not be reached and the app shows what it kept from last time. */
  offline: boolean;
  /** The first /api/me failed otherwise (server error) and nothing was kept: shown with a retry. */
  bootError: unknown;
  signedIn: (me: MeView) => void;
  signOut: () => Promise<void>;
  retry: () => void;
  /** A page's request found no network (true) or got through again (false). */
  markOffline: (offline: boolean) => void;
}

const SessionContext = createContext<FamilySession | null>(null);

/** Who is signed in to the family app; offline, the person who signed in last on this phone. */
export function FamilySessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<CachedMe | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [bootError, setBootError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback((value: MeView) => {
    setCsrfToken(value.csrfToken);
    rememberMe(value);
    setOffline(false);
    setMe(value);
  }, []);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setBootError(undefined);
    fetchMe(controller.signal).then(signedIn, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return signedOut();
      // No network (or the server unreachable): the last person on this phone, read-only.
      const kept = error instanceof ApiError && error.status === 0 ? lastMe() : null;
      if (kept) {
        setOffline(true);
        setMe(kept);
      } else setBootError(error);
    });
    return () => controller.abort();
  }, [attempt, signedIn, signedOut]);

  useEffect(() => {
    setUnauthorizedHandler(signedOut);
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const signOut = useCallback(async () => {
    if (me) forgetUser(me.id);
    try {
      await logoutRequest();
    } catch {
      // Offline or already signed out: the phone forgets the person all the same.
    } finally {
      signedOut();
    }
  }, [me, signedOut]);

  const value = useMemo<FamilySession>(
    () => ({ me, offline, bootError, signedIn, signOut, retry: () => setAttempt((n) => n + 1), markOffline: setOffline }),
    [me, offline, bootError, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useFamilySession(): FamilySession {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useFamilySession outside FamilySessionProvider');
  return value;
}

/** The signed-in person; only inside RequireParent. */
export function useFamilyMe(): CachedMe {
  const { me } = useFamilySession();
  if (!me) throw new Error('useFamilyMe outside RequireParent');
  return me;
}

/** Whether the person may use the family app: a parent (a guardian account, role parent). */
export function isParent(me: Pick<MeView, 'assignments'>): boolean {
  return me.assignments.some((a) => a.role === 'parent');
}
