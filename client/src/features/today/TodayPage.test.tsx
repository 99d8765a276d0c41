import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Schemas } from '../../api/client';
import { fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import TodayPage from './TodayPage';

type Day = Schemas['MyDayDto'];

const step = (id: string, status: Schemas['DueStatus'], nextStep: string, dueDate: string): Schemas['MyDayNextStepDto'] => ({
  interactionId: id, accountId: 'a1', accountName: '华东精密制造有限公司', nextStep, dueDate, status, interactionType: 'Call', occurredAt: '2026-11-30T02:00:00Z', loggedBy: 'me',
});

const day = (over: Partial<Day> = {}): Day => ({
  ownerId: testUser.id,
  today: '2026-12-03',
  horizon: '2026-12-10',
  nextSteps: [step('i1', 'Overdue', '寄送样品', '2026-12-02'), step('i2', 'DueToday', '确认报价', '2026-12-03'), step('i3', 'DueThisWeek', '安排工厂参观', '2026-12-09')],
  reminders: [],
  overdueContacts: [{ accountId: 'a2', name: '华南电子', tier: 'Strategic', ownerId: 'me', ownerName: 'Zhao Min', contactCadenceDays: 30, lastInteractionAt: null, overdueSince: '2026-11-20T00:00:00Z', daysOverdue: 13 }],
  overdueContactsTotal: 1,
  complaints: [],
  initiatives: [],
  followUps: [],
  ...over,
});

describe('TodayPage', () => {
  const api = fakeApiPerTest();

  it('shows each next step with the server’s status, in Chinese, and marks one done', async () => {
    const done = day({ nextSteps: day().nextSteps.slice(1) });
    api.on('GET', '/api/v1/workspace/today', json(200, day()), json(200, done));
    api.on('POST', '/api/v1/accounts/a1/interactions/i1/next-step/complete', json(200, { id: 'i1' }));
    const user = setupUser();
    renderWithProviders(<TodayPage />, { locale: 'zh-CN' });

    const rows = await screen.findAllByTestId('next-step');
    expect(rows.map((r) => within(r).getByTestId('due-status').textContent)).toEqual(['已逾期', '今天到期', '本周到期']);
    expect(screen.getByRole('heading', { level: 1, name: '我的一天' })).toBeInTheDocument();
    expect(screen.getByText(/超过战略客户联系周期（30 天）13 天未互动/)).toBeInTheDocument();

    await user.click(within(rows[0]!).getByTestId('next-step-done'));
    await waitFor(() => expect(screen.getAllByTestId('next-step')).toHaveLength(2));
    expect(api.sent('POST', '/api/v1/accounts/a1/interactions/i1/next-step/complete')).toHaveLength(1);
    expect(screen.queryByText('寄送样品')).toBeNull();
  });

  it('says what to do when a section is empty, and hides the sections the role may not read', async () => {
    api.on('GET', '/api/v1/workspace/today', json(200, day({ nextSteps: [], overdueContacts: [], overdueContactsTotal: 0, initiatives: null, followUps: null })));
    renderWithProviders(<TodayPage />, { locale: 'en' });
    expect(await screen.findByText(/No next step is due this week\. When you log an interaction/)).toBeInTheDocument();
    expect(screen.getByText(/Every account is within its contact cadence/)).toBeInTheDocument();
    expect(screen.getByText(/No open complaint on your accounts/)).toBeInTheDocument();
    expect(screen.queryByTestId('today-initiatives')).toBeNull();
    expect(screen.queryByTestId('today-followups')).toBeNull();
  });

  it('links a complaint, an initiative and a follow-up to their pages, with the stored SLA state', async () => {
    const complaint: Schemas['ComplaintSummaryDto'] = {
      id: 'c1', reference: 'CMP-2026-000123', accountId: 'a1', accountName: '华东精密制造有限公司', tier: 'Key', severity: 'High', category: 'Delivery', subject: '三托盘货物缺失', status: 'New',
      assigneeId: null, assigneeName: null, receivedAt: '2026-12-02T01:00:00Z', dueAt: '2026-12-03T01:00:00Z', slaState: 'AtRisk', stopped: false,
      firstResponseClock: { dueAt: '2026-12-03T01:00:00Z', atRisk: true, breached: false, escalationLevel: 0 }, resolutionClock: { dueAt: '2026-12-09T01:00:00Z', atRisk: false, breached: false, escalationLevel: 0 },
    } as Schemas['ComplaintSummaryDto'];
    api.on('GET', '/api/v1/workspace/today', json(200, day({
      complaints: [complaint],
      initiatives: [{ initiativeId: 'n1', planId: 'p1', planTitle: '华东制造发展计划', accountId: 'a1', accountName: '华东精密制造有限公司', title: '驻厂技术支持', dueDate: '2026-12-01', initiativeStatus: 'InProgress', status: 'Overdue' }],
    })));
    renderWithProviders(<TodayPage />, { locale: 'en' });
    expect(await screen.findByRole('link', { name: 'CMP-2026-000123' })).toHaveAttribute('href', '/complaints/c1');
    expect(screen.getByTestId('complaint-sla')).toHaveAttribute('data-state', 'AtRisk');
    expect(screen.getByRole('link', { name: '华东制造发展计划' })).toHaveAttribute('href', '/plans/p1');
    expect(within(screen.getByTestId('today-initiatives')).getByTestId('due-status')).toHaveTextContent('Overdue');
  });
});
