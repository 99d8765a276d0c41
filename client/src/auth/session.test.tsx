// A signed-in request answered 401 ends the session and returns to the login page, which says why: the token expired,
// or the session ended (the user was deactivated, locked out or changed password).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider, type Locale } from '../i18n/I18nProvider';

// The generated client takes fetch when it is created: stub it before the modules load.
let code = 'session-ended';
const fetchStub = vi.fn(async (request: Request) => {
  if (new URL(request.url).pathname === '/api/v1/me') {
    return new Response(JSON.stringify({ code, title: 'Session ended', status: 401, detail: 'Your session has ended.' }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
  }
  return new Response('{}', { status: 404 });
});
vi.stubGlobal('fetch', fetchStub);
afterAll(() => vi.unstubAllGlobals());

const { api } = await import('../api/client');
const { SessionProvider } = await import('./session');
const { AppLayout } = await import('../shell/AppLayout');
const { default: LoginPage } = await import('../features/auth/LoginPage');

function Probe() {
  useEffect(() => {
    void api.GET('/api/v1/me');
  }, []);
  return <div>signed in</div>;
}

function signedInAt(locale: Locale) {
  const user = { id: 'u1', email: 'agent@demo.keyaccount.local', displayName: 'Zhao Min', role: 'ServiceAgent', permissions: ['accounts:read'] };
  localStorage.setItem('keyaccount.session', JSON.stringify({ accessToken: 'a.b.c', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user }));
  render(
    <I18nProvider locale={locale}>
      <SessionProvider>
        <MemoryRouter initialEntries={['/probe']}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<AppLayout />}>
              <Route path="probe" element={<Probe />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

describe('the end of a session', () => {
  it('returns to the login page and says the session ended (deactivated, locked, new password) — in Chinese', async () => {
    code = 'session-ended';
    signedInAt('zh-CN');
    expect(await screen.findByTestId('session-over')).toHaveTextContent('您的登录已失效：账号已被停用或锁定，或密码已修改。请重新登录。');
    expect(localStorage.getItem('keyaccount.session')).toBeNull();
    expect(fetchStub.mock.calls[0]![0].headers.get('Authorization')).toBe('Bearer a.b.c');
  });

  it('says the session expired for an expired token', async () => {
    code = 'token-expired';
    signedInAt('en');
    expect(await screen.findByTestId('session-over')).toHaveTextContent('Your session has expired. Please sign in again.');
  });
});
