// Renders a component as the app does: in the user's language, with a query client, a session and a router — the
// providers of App.tsx, in the same order, so that a page under test finds what it finds in the browser.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { MeDto } from '../api/client';
import { SessionProvider } from '../auth/session';
import { I18nProvider, type Locale } from '../i18n/I18nProvider';

/** Every permission a role can have: the default test user may do everything, so a test says what it restricts. */
export const ALL_PERMISSIONS = [
  'accounts:read',
  'accounts:write',
  'revenue:read',
  'revenue:write',
  'reminders:read',
  'tiering:read',
  'tiering:manage',
  'complaints:read',
  'complaints:write',
  'complaints:manage',
  'webhooks:manage',
  'users:manage',
  'users:lookup',
  'audit:read',
  'plans:read',
  'plans:write',
  'plans:approve',
  'surveys:read',
  'surveys:design',
  'surveys:run',
  'surveys:respond',
  'surveys:followups',
];

/** The signed-in user of component tests (the fixtures' assignee "me"). */
export const testUser: MeDto = { id: 'me', email: 'director@demo.keyaccount.local', displayName: 'Zhao Min', role: 'Director', permissions: ALL_PERMISSIONS, language: 'zh-CN' };

/** The access token of the test session, as the API client sends it. */
export const TEST_TOKEN = 'test.access.token';

/** Signs `user` in the way the SessionProvider finds a session on start (null: nobody is signed in). */
export function seedSession(user: MeDto | null) {
  if (!user) {
    localStorage.removeItem('keyaccount.session');
    return;
  }
  localStorage.setItem('keyaccount.session', JSON.stringify({ accessToken: TEST_TOKEN, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user }));
}

export interface RenderOptions {
  locale?: Locale;
  /** The URL the router starts at. */
  url?: string;
  /** The route pattern `ui` answers (every URL by default). */
  path?: string;
  /** Other routes, e.g. where the page navigates to: `{ '/complaints/:id': <div>complaint page</div> }`. */
  routes?: Record<string, ReactNode>;
  /** Who is signed in: by default {@link testUser}, who may do everything; null for nobody. */
  user?: MeDto | null;
}

/** Renders `ui` inside the app's providers; returns testing-library's result and the query client. */
export function renderWithProviders(ui: ReactNode, { locale = 'en', url = '/', path = '*', routes = {}, user = testUser }: RenderOptions = {}) {
  seedSession(user);
  // No retries: a test's failed answer shows at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path={path} element={ui} />
              {Object.entries(routes).map(([pattern, element]) => (
                <Route key={pattern} path={pattern} element={element} />
              ))}
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient };
}
