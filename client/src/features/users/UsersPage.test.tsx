import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import UsersPage from './UsersPage';
import SetPasswordPage from './SetPasswordPage';
import type { UserDto } from './usersApi';

const user: UserDto = {
  id: 'u1', email: 'zhao.min@example.cn', displayName: '赵敏', role: 'ServiceAgent', department: 'Service', managerId: 'u0', managerName: '孙洁',
  isDepartmentHead: true, language: 'zh-CN', isActive: true, lockedUntil: null, hasPassword: false, createdAt: '2026-12-01T02:00:00Z', version: 3,
};
const page = (items: UserDto[]) => json(200, { items, page: 1, pageSize: 50, totalCount: items.length, nextCursor: null });

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

describe('UsersPage', () => {
  const api = fakeApiPerTest();

  it('reads its filters from the URL, sends them to the API, and writes a change back to the URL (first page again)', async () => {
    api.on('GET', '/api/v1/users', page([user]));
    const actor = setupUser();
    renderWithProviders(<><UsersPage /><Location /></>, { locale: 'zh-CN', url: '/users?role=ServiceAgent&active=true&q=赵&page=2&department=Nowhere' });
    expect(await screen.findByText('赵敏')).toBeInTheDocument();
    expect(screen.getByText('负责人')).toBeInTheDocument();
    expect(screen.getByText('等待设置密码')).toBeInTheDocument();
    const first = api.sent('GET', '/api/v1/users')[0]!.query;
    expect(Object.fromEntries(first)).toEqual({ role: 'ServiceAgent', active: 'true', q: '赵', page: '2', pageSize: '50' });

    await chooseOption(actor, '部门', '客服');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('department=Service'));
    expect(screen.getByTestId('location').textContent).not.toContain('page=2');
    await waitFor(() => expect(api.sent('GET', '/api/v1/users').some((r) => r.query.get('department') === 'Service' && r.query.get('page') === '1')).toBe(true));
  }, SLOW);

  it('creates a user with an emailed link (no password sent) and an Idempotency-Key', async () => {
    api
      .on('GET', '/api/v1/users', page([]))
      .on('POST', '/api/v1/users', json(201, { ...user, id: 'u2', email: 'li.na@example.cn', displayName: '李娜' }));
    const actor = setupUser();
    renderWithProviders(<UsersPage />, { locale: 'en', routes: { '/users/:id': <div>user page</div> } });
    await actor.click(await screen.findByTestId('user-new'));
    await actor.type(await screen.findByTestId('user-email'), 'li.na@example.cn');
    await actor.type(screen.getByTestId('user-name'), '李娜');
    // The list's role filter is labelled "Role" too: pick within the dialog.
    await actor.click(within(screen.getByRole('dialog')).getByLabelText('Role'));
    fireEvent.click(await waitFor(() => {
      const option = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((o) => o.textContent === 'Service agent');
      if (!option) throw new Error('no option yet');
      return option;
    }));
    await actor.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('user page')).toBeInTheDocument();
    const [sent] = api.sent('POST', '/api/v1/users');
    expect(sent!.body).toMatchObject({ email: 'li.na@example.cn', displayName: '李娜', role: 'ServiceAgent', language: 'zh-CN', sendSetPasswordLink: true, password: null });
    expect(sent!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await screen.findByText(/was emailed to li.na@example.cn/)).toBeInTheDocument();
  }, SLOW);
});

describe('SetPasswordPage', () => {
  const api = fakeApiPerTest();

  it('posts the token from the link with the new password, then goes to sign-in', async () => {
    api.on('POST', '/api/v1/auth/set-password', new Response(null, { status: 204 }));
    const actor = setupUser();
    renderWithProviders(<SetPasswordPage />, { locale: 'zh-CN', user: null, url: '/set-password?token=abc_DEF-123', path: '/set-password', routes: { '/login': <div>sign-in page</div> } });
    await actor.type(await screen.findByTestId('set-password-password'), 'Harbour-Lights-2026');
    await actor.type(screen.getByTestId('set-password-confirm'), 'Harbour-Lights-2026');
    await actor.click(screen.getByTestId('set-password-submit'));
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(api.sent('POST', '/api/v1/auth/set-password')[0]!.body).toEqual({ token: 'abc_DEF-123', password: 'Harbour-Lights-2026' });
  }, SLOW);

  it('says so when the link no longer works, and stays', async () => {
    api.on('POST', '/api/v1/auth/set-password', json(400, {
      type: 'https://keyaccount.dev/problems/validation', title: 'Invalid', status: 400, code: 'validation',
      errors: { token: [{ code: 'set-password-token-invalid', message: 'This link is not valid any more.' }] },
    }));
    const actor = setupUser();
    renderWithProviders(<SetPasswordPage />, { locale: 'en', user: null, url: '/set-password?token=used', path: '/set-password' });
    await actor.type(await screen.findByTestId('set-password-password'), 'Harbour-Lights-2026');
    await actor.type(screen.getByTestId('set-password-confirm'), 'Harbour-Lights-2026');
    await actor.click(screen.getByTestId('set-password-submit'));
    expect(await screen.findByText(/no longer works/)).toBeInTheDocument();
  }, SLOW);

  it('without a token asks for the link from the email', async () => {
    renderWithProviders(<SetPasswordPage />, { locale: 'en', user: null, url: '/set-password', path: '/set-password' });
    expect(await screen.findByTestId('set-password-no-token')).toBeInTheDocument();
  });
});
