// A signed-in request answered 401 ends the session and returns to the login page, which says why: the token expired,
// or the session ended (the user was deactivated, locked out or changed password).
import { afterAll, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Locale } from '../i18n/I18nProvider';

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
const { TEST_TOKEN, renderWithProviders, testUser } = await import('../test');
const { AppLayout } = await import('../shell/AppLayout');
const { default: LoginPage } = await import('../features/auth/LoginPage');

function Probe() {
  useEffect(() => {
    void api.GET('/api/v1/me');
  }, []);
  return <div>signed in</div>;
}

function signedInAt(locale: Locale) {
  renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<AppLayout />}>
        <Route path="probe" element={<Probe />} />
      </Route>
    </Routes>,
    { locale, url: '/probe', user: { ...testUser, role: 'ServiceAgent', permissions: ['accounts:read'] } },
  );
}

describe('the end of a session', () => {
  it('returns to the login page and says the session ended (deactivated, locked, new password) — in Chinese', async () => {
    code = 'session-ended';
    signedInAt('zh-CN');
    expect(await screen.findByTestId('session-over')).toHaveTextContent('您的登录已失效：账号已被停用或锁定，或密码已修改。请重新登录。');
    expect(localStorage.getItem('keyaccount.session')).toBeNull();
    expect(fetchStub.mock.calls[0]![0].headers.get('Authorization')).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('says the session expired for an expired token', async () => {
    code = 'token-expired';
    signedInAt('en');
    expect(await screen.findByTestId('session-over')).toHaveTextContent('Your session has expired. Please sign in again.');
  });
});
