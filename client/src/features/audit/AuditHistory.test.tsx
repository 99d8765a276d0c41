import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ALL_PERMISSIONS, SLOW, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { AuditHistory, AuditHistorySection } from './AuditHistory';
import type { AuditEntryDto } from './auditApi';

const updated: AuditEntryDto = {
  id: 12, occurredAt: '2026-12-02T06:15:00Z', entityType: 'account', entityId: 'a1', accountId: 'a1', action: 'Updated',
  actor: { kind: 'User', id: 'u1', displayName: '王经理' }, correlationId: '0HN8QK1V3S0J2:00000004',
  changes: [
    { field: 'name', before: '华东精密制造有限公司', after: '华东精密制造集团有限公司', beforeName: null, afterName: null },
    { field: 'strategicFit', before: 4, after: 5, beforeName: null, afterName: null },
    { field: 'ownerId', before: '0193a5b2-0000-7000-8000-000000000001', after: '0193a5b2-0000-7000-8000-000000000002', beforeName: '张伟', afterName: '李娜' },
    { field: 'potentialAnnualRevenue', before: null, after: '1500000.00 CNY', beforeName: null, afterName: null },
  ],
};
const contactRemoved: AuditEntryDto = {
  id: 11, occurredAt: '2026-12-01T06:15:00Z', entityType: 'contact', entityId: 'c1', accountId: 'a1', action: 'Deleted',
  actor: { kind: 'System', id: null, displayName: null }, correlationId: null,
  changes: [{ field: 'name', before: '李静', after: null, beforeName: null, afterName: null }, { field: 'someNewField', before: true, after: null, beforeName: null, afterName: null }],
};
const rotated: AuditEntryDto = {
  id: 13, occurredAt: '2026-12-02T07:00:00Z', entityType: 'webhookEndpoint', entityId: 'e1', accountId: null, action: 'Updated',
  actor: { kind: 'User', id: 'u9', displayName: 'Admin' }, correlationId: 'x',
  changes: [
    { field: 'secret', before: '***', after: '***', beforeName: null, afterName: null },
    { field: 'eventTypes', before: ['complaint.filed'], after: ['account.created', 'complaint.filed'], beforeName: null, afterName: null },
  ],
};
const page = (items: AuditEntryDto[]) => ({ items, page: 1, pageSize: 20, totalCount: items.length, nextCursor: null });

describe('AuditHistory', () => {
  const api = fakeApiPerTest();

  it('lists an account\'s changes in Chinese: when, who, what, and each field before → after', async () => {
    api.on('GET', '/api/v1/audit', json(200, page([updated, contactRemoved])));
    renderWithProviders(<AuditHistory accountId="a1" />, { locale: 'zh-CN' });

    const name = await screen.findAllByTestId('audit-change-name');
    expect(name[0]).toHaveTextContent('名称: 华东精密制造有限公司 → 华东精密制造集团有限公司');
    expect(screen.getByTestId('audit-change-strategicFit')).toHaveTextContent('战略契合度: 4 → 5');
    // A user's id reads as their name.
    expect(screen.getByTestId('audit-change-ownerId')).toHaveTextContent('负责人: 张伟 → 李娜');
    // No value before: only the new one.
    expect(screen.getByTestId('audit-change-potentialAnnualRevenue')).toHaveTextContent(/^潜在年收入: 1500000.00 CNY$/);
    const first = name[0]!.closest('tr')!;
    expect(within(first).getByText('王经理')).toBeInTheDocument();
    expect(within(first).getByText('修改')).toBeInTheDocument();
    expect(within(first).getByText('客户')).toBeInTheDocument();

    const second = name[1]!.closest('tr')!;
    expect(within(second).getByText('系统')).toBeInTheDocument();
    expect(within(second).getByText('删除')).toBeInTheDocument();
    expect(within(second).getByText('联系人')).toBeInTheDocument();
    expect(name[1]).toHaveTextContent('名称: 李静 → —');
    // A field the client has no name for yet is still readable.
    expect(within(second).getByTestId('audit-change-someNewField')).toHaveTextContent('Some new field: 是 → —');

    const [sent] = api.sent('GET', '/api/v1/audit');
    expect(sent!.query.get('accountId')).toBe('a1');
    expect(sent!.query.get('entityType')).toBeNull();
  }, SLOW);

  it('shows a secret\'s change without its values, and lists as lists (English)', async () => {
    api.on('GET', '/api/v1/audit', json(200, page([rotated])));
    renderWithProviders(<AuditHistory entityType="webhookEndpoint" entityId="e1" />, { locale: 'en' });
    expect(await screen.findByTestId('audit-change-secret')).toHaveTextContent('Signing secret: hidden → hidden');
    expect(screen.getByTestId('audit-change-eventTypes')).toHaveTextContent('Events: complaint.filed → account.created; complaint.filed');
    expect(screen.queryByText('***')).toBeNull();
    const [sent] = api.sent('GET', '/api/v1/audit');
    expect([sent!.query.get('entityType'), sent!.query.get('entityId')]).toEqual(['webhookEndpoint', 'e1']);
  }, SLOW);
});

describe('AuditHistorySection', () => {
  const api = fakeApiPerTest();

  it('is not shown to a caller who may not read the trail', () => {
    renderWithProviders(<AuditHistorySection accountId="a1" />, { user: { ...testUser, role: 'ServiceAgent', permissions: ALL_PERMISSIONS.filter((p) => p !== 'audit:read') } });
    expect(screen.queryByTestId('audit-history-section')).toBeNull();
    expect(api.requests).toHaveLength(0);
  });

  it('reads the trail only when opened', async () => {
    api.on('GET', '/api/v1/audit', json(200, page([updated])));
    const user = setupUser();
    renderWithProviders(<AuditHistorySection accountId="a1" />, { locale: 'zh-CN' });
    expect(await screen.findByText('变更历史')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
    await user.click(screen.getByText('变更历史'));
    await waitFor(() => expect(api.sent('GET', '/api/v1/audit')).toHaveLength(1));
    expect(await screen.findByText('王经理')).toBeInTheDocument();
  }, SLOW);
});
