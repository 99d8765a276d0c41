import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import ApiClientsPage from './ApiClientsPage';
import type { ApiClientDto } from './apiClientsApi';

const erp: ApiClientDto = {
  id: 'c1', clientId: 'c1', name: 'ERP 收入同步', scopes: ['revenue:write'], accountScopeUserId: null, requestsPerMinute: null, state: 'Active',
  expiresAt: null, revokedAt: null, previousSecretExpiresAt: null, lastUsedAt: '2026-12-02T02:00:00Z', createdAt: '2026-11-30T02:00:00Z', updatedAt: '2026-12-02T02:00:00Z', version: 7,
};
const SECRET = 'kac_Q2hhbmdlLW1lLW5vdy1pdC1pcy1hbi1leGFtcGxlLW9ubHk';

describe('ApiClientsPage', () => {
  const api = fakeApiPerTest();

  it('creates a client with scopes ticked from the explained list and shows its secret once, with a warning', async () => {
    api
      .on('GET', '/api/v1/api-clients', json(200, [erp]))
      .on('POST', '/api/v1/api-clients', json(201, { client: { ...erp, id: 'c2', clientId: 'c2', lastUsedAt: null }, clientId: 'c2', clientSecret: SECRET }));
    const user = setupUser();
    renderWithProviders(<ApiClientsPage />, { locale: 'zh-CN' });
    expect(await screen.findByText('ERP 收入同步')).toBeInTheDocument();
    expect(screen.getByText('有效')).toBeInTheDocument();

    await user.click(screen.getByTestId('api-client-new'));
    await user.type(await screen.findByTestId('api-client-name'), 'CRM');
    expect(screen.getByText('导入月度收入（ERP）')).toBeInTheDocument();
    await user.click(screen.getByText('导入月度收入（ERP）'));
    await user.click(screen.getByText('登记投诉'));
    await user.click(screen.getByRole('button', { name: '创 建' }));

    expect(await screen.findByTestId('api-client-secret')).toHaveTextContent(SECRET);
    expect(screen.getByTestId('api-client-id')).toHaveTextContent('c2');
    expect(screen.getByText(/不会再次显示/)).toBeInTheDocument();
    const [sent] = api.sent('POST', '/api/v1/api-clients');
    expect(sent!.body).toEqual({ name: 'CRM', scopes: ['revenue:write', 'complaints:write'], accountScopeUserId: null, expiresAt: null, requestsPerMinute: null });
    expect(sent!.headers.get('Idempotency-Key')).toBeTruthy();

    // Once: closing the dialog removes the secret from the page for good.
    await user.click(screen.getByRole('button', { name: '我已妥善保存' }));
    await waitFor(() => expect(screen.queryByText(SECRET)).toBeNull());
  }, SLOW);

  it('places the API\'s field error on the scopes field and shows no secret', async () => {
    api
      .on('GET', '/api/v1/api-clients', json(200, []))
      .on('POST', '/api/v1/api-clients', json(400, { type: 'https://keyaccount.dev/problems/validation', title: 'Invalid', status: 400, code: 'validation', errors: { scopes: [{ code: 'required', message: 'Required.' }] } }));
    const user = setupUser();
    renderWithProviders(<ApiClientsPage />, { locale: 'en' });
    await user.click(await screen.findByTestId('api-client-new'));
    await user.type(await screen.findByTestId('api-client-name'), 'CRM');
    await user.click(screen.getByText('File complaints'));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const field = screen.getByTestId('api-client-scope-revenue:write').closest('.ant-form-item')!;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(screen.queryByTestId('api-client-secret')).toBeNull();
  }, SLOW);

  it('rotates under the client\'s version and shows the new secret once; revokes after confirmation', async () => {
    api
      .on('GET', '/api/v1/api-clients', json(200, [erp]))
      .on('POST', '/api/v1/api-clients/c1/rotate-secret', json(200, { client: erp, clientId: 'c1', clientSecret: SECRET }))
      .on('POST', '/api/v1/api-clients/c1/revoke', json(200, { ...erp, state: 'Revoked' }));
    const user = setupUser();
    renderWithProviders(<ApiClientsPage />, { locale: 'en' });
    await user.click(await screen.findByTestId('api-client-rotate-c1'));
    await user.click(within(document.querySelector('.ant-popconfirm')! as HTMLElement).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByTestId('api-client-secret')).toHaveTextContent(SECRET);
    const [rotated] = api.sent('POST', '/api/v1/api-clients/c1/rotate-secret');
    expect(rotated!.headers.get('If-Match')).toBe('"7"');
    expect(rotated!.body).toEqual({ overlapHours: 24 });
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));

    await user.click(screen.getByTestId('api-client-revoke-c1'));
    expect(api.sent('POST', '/api/v1/api-clients/c1/revoke')).toHaveLength(0);
    const confirms = document.querySelectorAll('.ant-popconfirm');
    await user.click(within(confirms[confirms.length - 1] as HTMLElement).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(api.sent('POST', '/api/v1/api-clients/c1/revoke')).toHaveLength(1));
  }, SLOW);
});
