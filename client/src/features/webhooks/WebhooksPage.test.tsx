import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import WebhooksPage from './WebhooksPage';
import WebhookEndpointPage from './WebhookEndpointPage';
import type { WebhookDeliveryDto, WebhookEndpointDto } from './webhooksApi';

const endpoint: WebhookEndpointDto = {
  id: 'e1', url: 'https://erp.example.cn/hooks/keyaccount', description: 'ERP 集成', eventTypes: ['complaint.filed'], enabled: false, disabledReason: 'Gone',
  disabledAt: '2026-12-02T02:00:00Z', failingSince: '2026-12-01T02:00:00Z', previousSecretExpiresAt: null, createdAt: '2026-11-30T02:00:00Z', updatedAt: '2026-12-02T02:00:00Z', version: 7,
};
const eventTypes = [{ name: 'complaint.filed', version: 1, description: 'A complaint was filed.', schema: { type: 'object' } }, { name: 'account.tier_changed', version: 1, description: null, schema: {} }];

describe('WebhooksPage', () => {
  const api = fakeApiPerTest();

  it('lists endpoints with the server\'s state in Chinese, creates one with an Idempotency-Key and shows its secret once', async () => {
    api
      .on('GET', '/api/v1/webhooks/endpoints', json(200, [endpoint]))
      .on('GET', '/api/v1/webhooks/event-types', json(200, eventTypes))
      .on('POST', '/api/v1/webhooks/endpoints', json(201, { endpoint: { ...endpoint, id: 'e2', enabled: true, disabledReason: null }, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }));
    const user = setupUser();
    renderWithProviders(<WebhooksPage />, { locale: 'zh-CN' });
    expect(await screen.findByText('接收端返回 410 Gone')).toBeInTheDocument();
    expect(screen.getByText(/推送失败/)).toBeInTheDocument();

    await user.click(screen.getByTestId('webhook-new'));
    await user.type(await screen.findByTestId('webhook-url'), 'https://crm.example.cn/hook');
    await chooseOption(user, '事件', 'complaint.filed');
    await user.click(screen.getByRole('button', { name: '创 建' }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const [sent] = api.sent('POST', '/api/v1/webhooks/endpoints');
    expect(sent!.body).toEqual({ url: 'https://crm.example.cn/hook', eventTypes: ['complaint.filed'], description: null });
    expect(sent!.headers.get('Idempotency-Key')).toBeTruthy();
  }, SLOW);

  it('places the API\'s field error on the URL field', async () => {
    api
      .on('GET', '/api/v1/webhooks/endpoints', json(200, []))
      .on('GET', '/api/v1/webhooks/event-types', json(200, eventTypes))
      .on('POST', '/api/v1/webhooks/endpoints', json(400, { type: 'https://keyaccount.dev/problems/validation', title: 'Invalid', status: 400, code: 'validation', errors: { url: [{ code: 'not-allowed', message: 'The host resolves to 10.0.0.1, a private address.' }] } }));
    const user = setupUser();
    renderWithProviders(<WebhooksPage />, { locale: 'en' });
    await user.click(await screen.findByTestId('webhook-new'));
    await user.type(await screen.findByTestId('webhook-url'), 'https://intranet.example.cn/hook');
    await chooseOption(user, 'Events', 'complaint.filed');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const field = (await screen.findByTestId('webhook-url')).closest('.ant-form-item')!;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(screen.queryByTestId('webhook-secret')).toBeNull();
  }, SLOW);
});

describe('WebhookEndpointPage', () => {
  const api = fakeApiPerTest();
  const dead: WebhookDeliveryDto = {
    id: 'd1', messageId: 'msg_0193a5b0c8e47d3f9a1e2b3c4d5e6f70', eventType: 'complaint.filed', status: 'Dead', attempts: 8, createdAt: '2026-12-01T02:00:00Z',
    lastAttemptAt: '2026-12-02T01:00:00Z', lastStatusCode: null, lastDurationMs: 15003, lastError: 'No answer within 15 s', nextAttemptAt: null,
  };

  it('shows the delivery log and replays a failed delivery; switching on sends the ETag', async () => {
    api
      .on('GET', '/api/v1/webhooks/endpoints/e1', json(200, endpoint, { ETag: '"7"' }))
      .on('GET', '/api/v1/webhooks/endpoints/e1/deliveries', json(200, { items: [dead], page: 1, pageSize: 20, totalCount: 1, nextCursor: null }))
      .on('POST', '/api/v1/webhooks/deliveries/d1/replay', json(200, { ...dead, status: 'Pending' }))
      .on('PUT', '/api/v1/webhooks/endpoints/e1', json(200, { ...endpoint, enabled: true, disabledReason: null }, { ETag: '"8"' }));
    const user = setupUser();
    renderWithProviders(<WebhookEndpointPage />, { url: '/webhooks/e1', path: '/webhooks/:id', locale: 'en' });
    const row = (await screen.findByText('msg_0193a5b0c8e47d3f9a1e2b3c4d5e6f70')).closest('tr')!;
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('No answer')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Replay' }));
    await waitFor(() => expect(api.sent('POST', '/api/v1/webhooks/deliveries/d1/replay')).toHaveLength(1));

    await user.click(screen.getByTestId('webhook-toggle'));
    await waitFor(() => expect(api.sent('PUT', '/api/v1/webhooks/endpoints/e1')).toHaveLength(1));
    const [put] = api.sent('PUT', '/api/v1/webhooks/endpoints/e1');
    expect(put!.headers.get('If-Match')).toBe('"7"');
    expect(put!.body).toMatchObject({ enabled: true, url: endpoint.url, eventTypes: endpoint.eventTypes });
  }, SLOW);
});
