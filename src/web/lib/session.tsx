import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler } from './api.js';
import type { Me } from './contract.js';

interface SessionState {
  /** undefined while the first check runs; null when nobody is signed in. */
  me: Me | null | undefined;
  /** The first check failed for a reason other than "not signed in" (no connection…). */
  bootError: ApiError | undefined;
  signedIn(me: Me): void;
  logOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in: asked from the server once, forgotten on logout or on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [bootError, setBootError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    let current = true;
    api.get<Me>('/auth/me').then(
      (result) => current && setMe(result),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) setMe(null);
        else setBootError(error instanceof ApiError ? error : undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const logOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);

  const value = useMemo<SessionState>(() => ({
    me,
    bootError,
    signedIn: (next) => setMe(next),
    logOut,
    retry: () => {
      setBootError(undefined);
      setAttempt((n) => n + 1);
    },
  }), [me, bootError, logOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user: only for pages rendered after sign-in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
