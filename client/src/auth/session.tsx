import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAccessToken, setUnauthorizedHandler, unwrap, type MeDto } from '../api/client';

const STORAGE_KEY = 'keyaccount.session';

interface Stored {
  accessToken: string;
  expiresAt: string;
  user: MeDto;
}

interface Session {
  user: MeDto | null;
  expired: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: (reason?: 'expired') => void;
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
  const [expired, setExpired] = useState(false);

  const signOut = useCallback((reason?: 'expired') => {
    localStorage.removeItem(STORAGE_KEY);
    setAccessToken(null);
    setStored(null);
    setExpired(reason === 'expired');
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
    const next: Stored = { accessToken: result.accessToken, expiresAt: result.expiresAt, user: result.user };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setAccessToken(next.accessToken);
    setExpired(false);
    setStored(next);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signOut('expired'));
    return () => setUnauthorizedHandler(null);
  }, [signOut]);

  // Sign out when the token's lifetime ends, even without a request.
  useEffect(() => {
    if (!stored) return undefined;
    const ms = new Date(stored.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => signOut('expired'), Math.max(ms, 0));
    return () => clearTimeout(timer);
  }, [stored, signOut]);

  const value = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      expired,
      signIn,
      signOut,
      can: (permission) => stored?.user.permissions.includes(permission) ?? false,
    }),
    [stored, expired, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
