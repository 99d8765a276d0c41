import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import type { AccountDto } from '../../api/client';
import { SLOW, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { initiativeFixture, objectiveFixture, planFixture, summaryFixture } from '../plans/fixtures';
import { satisfactionFixture } from '../surveys/fixtures';
import AccountPage from './AccountPage';

// The customer 360's tabs over the real hooks and a fake API: the tab kept in the URL, and the Plan tab showing what
// the server computed (progress, overdue flags, the reason an account needs a plan) as it is.
const api = fakeApiPerTest();

const account: AccountDto = {
  id: 'a1',
  name: '华东精密机械有限公司',
  registrationNumber: '91310000MA1FL8XK2Q',
  industry: 'machinery',
  region: 'east-china',
  segment: 'oem',
  status: 'Active',
  tier: 'Key',
  tierOverride: null,
  ownerId: 'me',
  ownerName: 'Zhao Min',
  strategicFit: 4,
  potentialAnnualRevenue: null,
  firstContractDate: '2019-03-01',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-11-30T00:00:00Z',
};

const active = summaryFixture({ id: 'p2', title: '华东精密 2027–2029 客户发展计划', status: 'Active', planVersion: 2, progress: 42.5, nextReviewDue: '2027-04-01', reviewDue: true });
const superseded = summaryFixture({ id: 'p1', title: '华东精密 2027–2029 客户发展计划', status: 'Superseded', planVersion: 1, progress: 10 });
const activeDoc = planFixture({
  ...active,
  objectives: [objectiveFixture({ id: 'o1', title: '年销售额提升至 1200 万元', progress: 25 }), objectiveFixture({ id: 'o2', title: '投诉 SLA 达成率 ≥ 95%', unit: 'Percent', source: 'Manual', baseline: 80, target: 95, currency: null, actual: null, progress: null })],
  initiatives: [
    initiativeFixture({ id: 'i1', title: '建立季度高层互访机制', dueDate: '2027-03-31', status: 'InProgress', overdue: true }),
    initiativeFixture({ id: 'i2', title: '联合研发新品', dueDate: '2027-09-30', status: 'NotStarted', overdue: false }),
    initiativeFixture({ id: 'i3', title: '已完成的举措', dueDate: '2027-01-31', status: 'Done', completedOn: '2027-01-20' }),
  ],
});

const NEEDING = '/api/v1/development-plans/accounts-needing-plan';

function serve({ plans = [active, superseded], need = [] as object[] } = {}) {
  api
    // Whatever the overview reads (health, tier, contacts, team, interactions, revenue, history): not this test's subject.
    .on('GET', /.*/, json(404, { code: 'not-found', status: 404, title: 'Not Found' }))
    .on('GET', '/api/v1/accounts/a1', json(200, account, { ETag: '"1"' }))
    .on('GET', '/api/v1/development-plans', json(200, { items: plans, page: 1, pageSize: 50, totalCount: plans.length }))
    .on('GET', '/api/v1/development-plans/p2', json(200, activeDoc, { ETag: '"4"' }))
    .on('GET', NEEDING, json(200, { items: need, page: 1, pageSize: 1, totalCount: need.length, nextCursor: null }));
}

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.search}</div>;
}

const show = (url: string, user = testUser) =>
  renderWithProviders(
    <>
      <AccountPage />
      <Where />
    </>,
    { url, path: '/accounts/:id', user },
  );

describe('Account 360: tabs', () => {
  it('opens on the overview, and the Plan tab is kept in the URL (?tab=plan), back without a parameter', async () => {
    serve();
    const user = setupUser();
    // A manager who reads plans but not revenue, tiering or history: a lighter overview (jsdom is slow to draw charts).
    show('/accounts/a1', { ...testUser, role: 'AccountManager', permissions: ['accounts:read', 'plans:read', 'plans:write'] });
    expect(await screen.findByTestId('account-name')).toHaveTextContent('华东精密机械有限公司');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Profile')).toBeInTheDocument();
    // The plan is not read until its tab is opened.
    expect(api.sent('GET', '/api/v1/development-plans')).toHaveLength(0);

    await user.click(screen.getByRole('tab', { name: 'Plan' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?tab=plan');
    expect(await screen.findByTestId('account-plan-current')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);
    expect(screen.getByText('Profile')).toBeInTheDocument();
    // The first test of the file pays antd's first render of a whole page.
  }, 2 * SLOW);

  it('?tab=plan opens the plan in force as the server computed it: progress, objectives, open initiatives with its overdue flags, next review, earlier versions', async () => {
    serve();
    show('/accounts/a1?tab=plan');
    const current = await screen.findByTestId('account-plan-current');
    expect(screen.getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true');
    expect(within(current).getByRole('heading', { name: '华东精密 2027–2029 客户发展计划' })).toBeInTheDocument();
    expect(within(current).getByTestId('account-plan-title')).toHaveAttribute('href', '/plans/p2');
    expect(within(current).getByTestId('account-plan-status')).toHaveAttribute('data-status', 'Active');
    expect(within(current).getByTestId('account-plan-progress')).toHaveAttribute('data-progress', '42.5');
    expect(within(current).getByText('Review due')).toBeInTheDocument();

    const objectives = await within(current).findByTestId('account-plan-objectives');
    expect(within(objectives).getByText('年销售额提升至 1200 万元')).toBeInTheDocument();
    expect(within(objectives).getByText('25%')).toBeInTheDocument();
    expect(within(objectives).getByText('No measure yet')).toBeInTheDocument();

    // Open initiatives only; the overdue flag is the server's (i1), not a date compared here (i2's is in the past too).
    const initiatives = within(current).getByTestId('account-plan-initiatives');
    expect(within(initiatives).getByText('建立季度高层互访机制')).toBeInTheDocument();
    expect(within(initiatives).getByText('联合研发新品')).toBeInTheDocument();
    expect(within(initiatives).queryByText('已完成的举措')).not.toBeInTheDocument();
    expect(within(initiatives).getAllByTestId('initiative-overdue')).toHaveLength(1);

    const others = screen.getByTestId('account-plan-others');
    expect(within(others).getByText('Superseded')).toBeInTheDocument();
    expect(api.sent('GET', '/api/v1/development-plans')[0]!.query.get('accountId')).toBe('a1');
    // No plan needed: no warning.
    await waitFor(() => expect(api.sent('GET', NEEDING)).toHaveLength(1));
    expect(api.sent('GET', NEEDING)[0]!.query.get('accountId')).toBe('a1');
    expect(screen.queryByTestId('account-plan-needed')).not.toBeInTheDocument();
  }, SLOW);

  it('says why the tier programme needs a plan (the server’s reason) and offers to create one for this account', async () => {
    serve({
      plans: [summaryFixture({ id: 'p1', status: 'Completed', endDate: '2026-11-30' })],
      need: [{ accountId: 'a1', accountName: account.name, tier: 'Key', ownerId: 'me', ownerName: 'Zhao Min', reason: 'Expired', planId: 'p1', planStatus: 'Completed', planEndDate: '2026-11-30' }],
    });
    show('/accounts/a1?tab=plan');
    const alert = await screen.findByTestId('account-plan-needed');
    expect(alert).toHaveAttribute('data-reason', 'Expired');
    expect(alert).toHaveTextContent('The Key service programme requires a development plan in force');
    expect(alert).toHaveTextContent('Its last approved plan ended on');
    expect(within(alert).getByTestId('account-plan-create')).toHaveAttribute('href', '/plans/new?accountId=a1');
    expect(screen.queryByTestId('account-plan-current')).not.toBeInTheDocument();
    expect(screen.getByText('This account has no current development plan.')).toBeInTheDocument();
  }, SLOW);

  it('has no Plan tab for a role that does not read plans; ?tab=plan then shows the overview', async () => {
    serve();
    show('/accounts/a1?tab=plan', { ...testUser, role: 'ServiceAgent', permissions: ['accounts:read', 'reminders:read', 'complaints:read', 'complaints:write', 'users:lookup'] });
    await screen.findByTestId('account-name');
    expect(screen.queryByRole('tab', { name: 'Plan' })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(api.sent('GET', '/api/v1/development-plans')).toHaveLength(0);
  }, SLOW);

  it('?tab=satisfaction opens the Satisfaction tab (loaded with the tab), with the latest NPS and its n', async () => {
    serve();
    api.on('GET', '/api/v1/accounts/a1/satisfaction', json(200, satisfactionFixture({ trend: [] })));
    api.on('GET', '/api/v1/surveys/follow-ups', json(200, { items: [], page: 1, pageSize: 20, totalCount: 0, nextCursor: null }));
    show('/accounts/a1?tab=satisfaction');
    expect(await screen.findByRole('tab', { name: 'Satisfaction' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByTestId('account-latest-nps')).toHaveTextContent('n = 3');
  }, SLOW);

  it('has no Satisfaction tab for a role that does not read surveys', async () => {
    serve();
    show('/accounts/a1?tab=satisfaction', { ...testUser, role: 'ServiceAgent', permissions: ['accounts:read', 'reminders:read', 'complaints:read', 'complaints:write', 'users:lookup'] });
    await screen.findByTestId('account-name');
    expect(screen.queryByRole('tab', { name: 'Satisfaction' })).not.toBeInTheDocument();
    expect(api.sent('GET', '/api/v1/accounts/a1/satisfaction')).toHaveLength(0);
  }, SLOW);
});
