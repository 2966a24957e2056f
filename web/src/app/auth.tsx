import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeView } from '@shared/domain';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { fetchMe, logout as logoutRequest } from '../features/auth/api/auth.api';

interface AuthValue {
  /** undefined while the first /api/me is in flight; null when nobody is signed in. */
  me: MeView | null | undefined;
  /** Error of the first /api/me other than 401 (server down): shown instead of the login page. */
  bootError: unknown;
  signedIn: (me: MeView) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Holds who is signed in, for the whole app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeView | null | undefined>(undefined);
  const [bootError, setBootError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback((value: MeView) => {
    setCsrfToken(value.csrfToken);
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
      if (error instanceof ApiError && error.status === 401) signedOut();
      else setBootError(error);
    });
    return () => controller.abort();
  }, [attempt, signedIn, signedOut]);

  // Any later 401 means the session expired: RequireAuth then sends the user to /login?next=…
  useEffect(() => {
    setUnauthorizedHandler(signedOut);
    return () => setUnauthorizedHandler(null);
  }, [signedOut]);

  const signOut = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      signedOut();
    }
  }, [signedOut]);

  const value = useMemo<AuthValue>(
    () => ({ me, bootError, signedIn, signOut, retry: () => setAttempt((n) => n + 1) }),
    [me, bootError, signedIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in person; only for components rendered inside RequireAuth. */
export function useMe(): MeView {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}
