// The customer 360's Contacts tab over the real hooks and a fake API: the decision chain as the server flags it, a
// contact edited with the account's ETag as If-Match (a 412 offers a reload, then the new ETag is sent), the server's
// field errors in Chinese on their fields; the other tabs (interactions, complaints) and their permissions.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import type { AccountDto, ContactDto } from '../../api/client';
import { SLOW, chooseOption, confirmPopconfirm, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { complaintFixture } from '../complaints/fixtures';
import AccountPage from './AccountPage';

const api = fakeApiPerTest();

const account: AccountDto = {
  id: 'a1',
  name: '华东精密机械有限公司',
  registrationNumber: '91310000MA1FL8XK2Q',
  industry: 'Machinery',
  region: 'East China',
  segment: 'Manufacturing',
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

const contact = (over: Partial<ContactDto>): ContactDto => ({
  id: 'c1',
  accountId: 'a1',
  name: '李总',
  title: '总经理',
  department: null,
  email: null,
  phone: null,
  birthday: null,
  buyingRole: 'DecisionMaker',
  attitude: 'Opponent',
  reportsToId: null,
  relationshipLevel: 'Vendor',
  targetRelationshipLevel: 'TrustedAdvisor',
  gaps: ['BelowTargetRelationship', 'NegativeDecisionMaker'],
  ...over,
});

const boss = contact({});
const buyer = contact({ id: 'c2', name: '王芳', title: '采购经理', buyingRole: 'Influencer', attitude: 'Supporter', reportsToId: 'c1', relationshipLevel: 'ProblemSolver', targetRelationshipLevel: 'ProblemSolver', gaps: [] });
const CONTACTS = '/api/v1/accounts/a1/contacts';
const list = (items: ContactDto[], gaps: string[] = []) => json(200, { items, decisionChainGaps: gaps });
const stale = json(412, { code: 'stale-version', title: 'Changed meanwhile', status: 412, detail: 'The resource was changed by someone else since you read it.' });

function serve() {
  api
    .on('GET', /.*/, json(404, { code: 'not-found', status: 404, title: 'Not Found' }))
    .on('GET', '/api/v1/accounts/a1', json(200, account, { ETag: '"1"' }))
    .on('GET', CONTACTS, list([boss, buyer]));
}

function Where() {
  return <div data-testid="where">{useLocation().search}</div>;
}

const show = (url: string, user = testUser, locale: 'en' | 'zh-CN' = 'en') =>
  renderWithProviders(
    <>
      <AccountPage />
      <Where />
    </>,
    { url, path: '/accounts/:id', user, locale, routes: { '/complaints/new': <div data-testid="intake">intake</div> } },
  );

const manager = { ...testUser, role: 'AccountManager' as const, permissions: ['accounts:read', 'accounts:write', 'complaints:read', 'complaints:write', 'users:lookup'] };

describe('Account 360: contacts and the decision chain', () => {
  it('?tab=contacts draws the org map with each contact’s level current → target and the gaps the server flagged', async () => {
    serve();
    api.on('GET', CONTACTS, list([boss, buyer], ['NoSupporter']));
    show('/accounts/a1?tab=contacts', manager);
    const map = await screen.findByTestId('org-chart');
    expect(screen.getByRole('tab', { name: 'Contacts' })).toHaveAttribute('aria-selected', 'true');
    const nodes = within(map).getAllByTestId('contact-node');
    expect(nodes.map((n) => n.dataset.contact)).toEqual(['李总', '王芳']);
    expect(within(nodes[0]!).getByTestId('contact-level')).toHaveTextContent('Vendor → Trusted advisor');
    expect(within(nodes[0]!).getAllByTestId('contact-gap').map((g) => g.dataset.gap)).toEqual(['BelowTargetRelationship', 'NegativeDecisionMaker']);
    // At its target: one level, no arrow, no gap.
    expect(within(nodes[1]!).getByTestId('contact-level')).toHaveTextContent(/^Problem solver$/);
    expect(within(nodes[1]!).queryByTestId('contact-gap')).not.toBeInTheDocument();
    expect(screen.getByTestId('contact-gaps')).toHaveTextContent('1 contacts with gaps');
    expect(screen.getByTestId('chain-gap')).toBeInTheDocument();
  }, 2 * SLOW);

  it('edits a contact with the account’s ETag; a 412 says so, Reload reads the account again and the next save sends the new ETag', async () => {
    serve();
    const user = setupUser();
    const won = { ...boss, attitude: 'Supporter' as const, relationshipLevel: 'TrustedAdvisor' as const, gaps: [] };
    api
      .on('GET', '/api/v1/accounts/a1', json(200, account, { ETag: '"1"' }), json(200, account, { ETag: '"2"' }))
      .on('PUT', `${CONTACTS}/c1`, stale, json(200, won));
    show('/accounts/a1?tab=contacts', manager);
    const first = (await screen.findAllByTestId('contact-node'))[0]!;
    await user.click(within(first).getByTestId('contact-edit'));
    expect(await screen.findByTestId('contact-form')).toBeInTheDocument();
    await chooseOption(user, 'Attitude', 'Supporter');
    await user.click(screen.getByTestId('contact-submit'));

    expect(await screen.findByTestId('contact-stale')).toHaveTextContent('The account’s contacts changed meanwhile');
    const sent = api.sent('PUT', `${CONTACTS}/c1`);
    expect(sent[0]!.headers.get('If-Match')).toBe('"1"');
    expect(sent[0]!.body).toMatchObject({ name: '李总', buyingRole: 'DecisionMaker', attitude: 'Supporter', targetRelationshipLevel: 'TrustedAdvisor' });

    await user.click(within(screen.getByTestId('contact-stale')).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('contact-stale')).not.toBeInTheDocument());
    // The form starts again from the version just read: the change is made again.
    await chooseOption(user, 'Attitude', 'Supporter');
    await chooseOption(user, 'Relationship level (current)', 'Trusted advisor');
    api.on('GET', CONTACTS, list([won, buyer]));
    await user.click(screen.getByTestId('contact-submit'));
    await waitFor(() => expect(api.sent('PUT', `${CONTACTS}/c1`)).toHaveLength(2));
    expect(api.sent('PUT', `${CONTACTS}/c1`)[1]!.headers.get('If-Match')).toBe('"2"');
    expect(api.sent('PUT', `${CONTACTS}/c1`)[1]!.body).toMatchObject({ attitude: 'Supporter', relationshipLevel: 'TrustedAdvisor' });
    // Saved: the dialog closes, the map is read again and its gaps are gone.
    await waitFor(() => expect(screen.queryByTestId('contact-form')).not.toBeInTheDocument());
    await waitFor(() => expect(within(screen.getAllByTestId('contact-node')[0]!).queryByTestId('contact-gap')).not.toBeInTheDocument());
  }, 2 * SLOW);

  it('adds a contact once (Idempotency-Key) and shows the server’s field errors in Chinese on their fields', async () => {
    serve();
    const user = setupUser();
    api.on(
      'POST',
      CONTACTS,
      json(400, {
        code: 'validation',
        status: 400,
        title: 'Invalid',
        errors: { email: [{ code: 'invalid-email', message: 'Not an email.' }], reportsToId: [{ code: 'reports-to-not-a-contact', message: 'x' }] },
      }),
    );
    show('/accounts/a1?tab=contacts', { ...manager, language: 'zh-CN' }, 'zh-CN');
    await user.click(await screen.findByTestId('contact-add'));
    await user.type(screen.getByTestId('contact-name'), '赵强');
    await user.type(screen.getByLabelText('邮箱'), 'zhao@example.cn');
    await user.click(screen.getByTestId('contact-submit'));
    expect(await screen.findByText('邮箱地址格式不正确。')).toBeInTheDocument();
    expect(screen.getByText('汇报对象必须是同一客户的其他联系人。')).toBeInTheDocument();
    const sent = api.sent('POST', CONTACTS);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(sent[0]!.body).toMatchObject({ name: '赵强', email: 'zhao@example.cn', buyingRole: 'User', attitude: 'Neutral', relationshipLevel: 'Vendor', targetRelationshipLevel: 'CredibleSource', reportsToId: null });
  }, 2 * SLOW);

  it('removes a contact with If-Match after a confirmation', async () => {
    serve();
    const user = setupUser();
    api.on('DELETE', `${CONTACTS}/c2`, new Response(null, { status: 204 }));
    show('/accounts/a1?tab=contacts', manager);
    const second = (await screen.findAllByTestId('contact-node'))[1]!;
    api.on('GET', CONTACTS, list([boss]));
    await user.click(within(second).getByTestId('contact-remove'));
    await confirmPopconfirm(user);
    await waitFor(() => expect(api.sent('DELETE', `${CONTACTS}/c2`)).toHaveLength(1));
    expect(api.sent('DELETE', `${CONTACTS}/c2`)[0]!.headers.get('If-Match')).toBe('"1"');
    await waitFor(() => expect(screen.getAllByTestId('contact-node')).toHaveLength(1));
  }, 2 * SLOW);

  it('shows the map read-only to a role that does not write accounts', async () => {
    serve();
    show('/accounts/a1?tab=contacts', { ...testUser, role: 'ServiceAgent', permissions: ['accounts:read', 'complaints:read', 'complaints:write'] });
    await screen.findByTestId('org-chart');
    expect(screen.queryByTestId('contact-add')).not.toBeInTheDocument();
    expect(screen.queryByTestId('contact-edit')).not.toBeInTheDocument();
  }, SLOW);
});

describe('Account 360: tabs by permission, complaints', () => {
  it('shows only the tabs the role may open, in order', async () => {
    serve();
    show('/accounts/a1', { ...testUser, role: 'ServiceAgent', permissions: ['accounts:read', 'complaints:read', 'complaints:write', 'surveys:read'] });
    await screen.findByTestId('account-name');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Overview', 'Contacts', 'Interactions', 'Complaints', 'Satisfaction']);
  }, SLOW);

  it('?tab=complaints lists the account’s complaints (read only when opened) and files one with the account filled in', async () => {
    serve();
    const user = setupUser();
    const complaint = complaintFixture({ accountId: 'a1', accountName: account.name });
    api.on('GET', '/api/v1/complaints', json(200, { items: [complaint], page: 1, pageSize: 20, totalCount: 1 }));
    show('/accounts/a1?tab=complaints', manager);
    const table = await screen.findByTestId('account-complaints');
    expect(await within(table).findByText(complaint.reference)).toBeInTheDocument();
    expect(within(table).getByTestId('sla-badge')).toBeInTheDocument();
    const listed = api.sent('GET', '/api/v1/complaints').find((r) => r.query.get('pageSize') === '20')!;
    expect(listed.query.get('accountId')).toBe('a1');
    const file = screen.getByTestId('account-file-complaint');
    expect(file).toHaveAttribute('href', '/complaints/new?accountId=a1');
    await user.click(file);
    expect(await screen.findByTestId('intake')).toBeInTheDocument();
  }, 2 * SLOW);

  it('?tab=interactions has the log form at the top, above the timeline', async () => {
    serve();
    api.on('GET', '/api/v1/accounts/a1/interactions', json(200, { items: [], page: 1, pageSize: 100, totalCount: 0 }));
    show('/accounts/a1?tab=interactions', manager);
    const form = await screen.findByTestId('interaction-form');
    const timeline = screen.getByTestId('interaction-timeline');
    expect(form.compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }, SLOW);

  it('switches tabs in the URL: each tab a history entry', async () => {
    serve();
    const user = setupUser();
    api.on('GET', '/api/v1/complaints', json(200, { items: [], page: 1, pageSize: 20, totalCount: 0 }));
    show('/accounts/a1', manager);
    await user.click(await screen.findByRole('tab', { name: 'Contacts' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?tab=contacts');
    await user.click(screen.getByRole('tab', { name: 'Complaints' }));
    expect(screen.getByTestId('where')).toHaveTextContent('?tab=complaints');
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^$/);
  }, SLOW);
});

describe('Account 360: the team', () => {
  const team = { accountId: 'a1', ownerId: 'me', members: [{ userId: 'u7', displayName: '钱峰', userRole: 'AccountManager', role: 'SalesEngineer' }] };

  it('edits the team with the account’s ETag; the server’s 403 (not the owner) is said in the user’s language, a 412 offers a reload', async () => {
    serve();
    const user = setupUser();
    api
      .on('GET', '/api/v1/accounts/a1/team', json(200, team, { ETag: '"1"' }))
      .on('GET', '/api/v1/users/lookup', json(200, [{ id: 'u7', displayName: '钱峰', role: 'AccountManager', department: 'Sales' }]))
      .on('PUT', '/api/v1/accounts/a1/team', json(403, { code: 'forbidden', status: 403, title: 'Forbidden', detail: 'Only the account’s owner or a director can change its team.' }), stale);
    show('/accounts/a1', { ...manager, language: 'zh-CN' }, 'zh-CN');
    const card = await screen.findByTestId('team-card');
    expect(await within(card).findByText('钱峰')).toBeInTheDocument();
    await user.click(within(card).getByTestId('team-edit'));
    await user.click(await screen.findByTestId('team-submit'));
    expect(await screen.findByText('您的角色无权执行此操作。')).toBeInTheDocument();
    const sent = api.sent('PUT', '/api/v1/accounts/a1/team');
    expect(sent[0]!.headers.get('If-Match')).toBe('"1"');
    expect(sent[0]!.body).toEqual([{ userId: 'u7', role: 'SalesEngineer' }]);

    await user.click(screen.getByTestId('team-submit'));
    expect(await screen.findByTestId('team-stale')).toHaveTextContent('该客户已被他人修改');
  }, 2 * SLOW);
});
