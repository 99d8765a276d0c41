import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAccessToken, setUnauthorizedHandler, unwrap, type MeDto } from '../api/client';

const STORAGE_KEY = 'keyaccount.session';

interface Stored {
  accessToken: string;
  expiresAt: string;
  user: MeDto;
}

/** Why the session is over, as the API's problem code: `token-expired`, `session-ended` (deactivated, locked, new password)… */
export type SessionEnd = string;

interface Session {
  user: MeDto | null;
  /** Set when the session ended by itself (not by signing out): the login page says why. */
  ended: SessionEnd | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: (reason?: SessionEnd) => void;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

function load(): Stored | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    return new Date(stored.expiresAt).getTime() > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(() => {
    const s = load();
    setAccessToken(s?.accessToken ?? null);
    return s;
  });
  const [ended, setEnded] = useState<SessionEnd | null>(null);

  const signOut = useCallback((reason?: SessionEnd) => {
    localStorage.removeItem(STORAGE_KEY);
    setAccessToken(null);
    setStored(null);
    setEnded(reason ?? null);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
    const next: Stored = { accessToken: result.accessToken, expiresAt: result.expiresAt, user: result.user };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setAccessToken(next.accessToken);
    setEnded(null);
    setStored(next);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler((code) => signOut(code));
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  // Sign out when the token's lifetime ends, even without a request.
  useEffect(() => {
    if (!stored) return undefined;
    const ms = new Date(stored.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => signOut('token-expired'), Math.max(ms, 0));
    return () => clearTimeout(timer);
  }, [stored, signOut]);

  const value = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      ended,
      signIn,
      signOut,
      can: (permission) => stored?.user.permissions.includes(permission) ?? false,
    }),
    [stored, ended, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
