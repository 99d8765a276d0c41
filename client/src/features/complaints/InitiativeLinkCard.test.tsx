import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { initiativeFixture, planFixture, summaryFixture } from '../plans/fixtures';
import { complaintFixture } from './fixtures';
import ComplaintPage from './ComplaintPage';

// The complaint page's "corrective action → plan initiative" control over the real hooks and a fake API: what it sends
// (the complaint's ETag as If-Match) and how it shows the server's answers.
const api = fakeApiPerTest();

const COMPLAINT = '/api/v1/complaints/c1';
const PICK = 'Link to an initiative of the account’s plan';
const plan = planFixture({
  id: 'p1',
  title: '华东精密 2027–2029 客户发展计划',
  initiatives: [initiativeFixture({ id: 'i1', title: '建立季度高层互访机制' }), initiativeFixture({ id: 'i2', title: '交付周期缩短', status: 'NotStarted' })],
});

function serve({ linked = false, plans = [summaryFixture({ id: 'p1' })] }: { linked?: boolean; plans?: ReturnType<typeof summaryFixture>[] } = {}) {
  const complaint = complaintFixture(linked ? { initiativeId: 'i1', planId: 'p1' } : {});
  api
    .on('GET', COMPLAINT, json(200, complaint, { ETag: '"7"' }))
    .on('GET', '/api/v1/development-plans', json(200, { items: plans, page: 1, pageSize: 20, totalCount: plans.length }))
    .on('GET', '/api/v1/development-plans/p1', json(200, plan, { ETag: '"3"' }));
  return complaint;
}

const show = (user = testUser) => renderWithProviders(<ComplaintPage />, { url: '/complaints/c1', path: '/complaints/:id', user });

describe('Complaint page: corrective action → plan initiative', () => {
  it('lists the initiatives of the account’s current plans and links the one picked, with the complaint’s ETag', async () => {
    const complaint = serve();
    api.on('PUT', `${COMPLAINT}/initiative`, json(200, { ...complaint, initiativeId: 'i2', planId: 'p1' }, { ETag: '"8"' }));
    const user = setupUser();
    show();
    const card = await screen.findByTestId('initiative-link');
    expect(within(card).getByText('Corrective action → plan initiative')).toBeInTheDocument();
    // The plans asked for: this account's, in force or in the works.
    await waitFor(() => expect(api.sent('GET', '/api/v1/development-plans')).toHaveLength(1));
    const query = api.sent('GET', '/api/v1/development-plans')[0]!.query;
    expect(query.get('accountId')).toBe('a1');
    expect(query.getAll('status').sort()).toEqual(['Active', 'Approved', 'Draft', 'Submitted']);

    await waitFor(() => expect(api.sent('GET', '/api/v1/development-plans/p1')).toHaveLength(1));
    await chooseOption(user, PICK, '交付周期缩短');
    await user.click(screen.getByTestId('initiative-link-submit'));

    await waitFor(() => expect(api.sent('PUT', `${COMPLAINT}/initiative`)).toHaveLength(1));
    const put = api.sent('PUT', `${COMPLAINT}/initiative`)[0]!;
    expect(put.body).toEqual({ initiativeId: 'i2' });
    expect(put.headers.get('If-Match')).toBe('"7"');
    // The answer is shown: the initiative by name, and its plan a click away.
    expect(await screen.findByTestId('initiative-linked-title')).toHaveTextContent('交付周期缩短');
    expect(screen.getByTestId('initiative-plan-link')).toHaveAttribute('href', '/plans/p1');
    expect(screen.getByTestId('initiative-plan-link')).toHaveTextContent('华东精密 2027–2029 客户发展计划');
  }, SLOW);

  it('asks for an initiative before linking', async () => {
    serve();
    const user = setupUser();
    show();
    await screen.findByTestId('initiative-link');
    await user.click(await screen.findByTestId('initiative-link-submit'));
    expect(await screen.findByText('Choose an initiative', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument();
    expect(api.sent('PUT', `${COMPLAINT}/initiative`)).toHaveLength(0);
  }, SLOW);

  it('unlinks: sends null and shows the complaint without its initiative', async () => {
    const complaint = serve({ linked: true });
    api.on('PUT', `${COMPLAINT}/initiative`, json(200, { ...complaint, initiativeId: null, planId: null }, { ETag: '"8"' }));
    const user = setupUser();
    show();
    expect(await screen.findByTestId('initiative-linked-title')).toHaveTextContent('建立季度高层互访机制');
    await user.click(screen.getByTestId('initiative-unlink'));
    await waitFor(() => expect(api.sent('PUT', `${COMPLAINT}/initiative`)).toHaveLength(1));
    expect(api.sent('PUT', `${COMPLAINT}/initiative`)[0]!.body).toEqual({ initiativeId: null });
    await waitFor(() => expect(screen.queryByTestId('initiative-linked')).not.toBeInTheDocument());
    expect(screen.queryByTestId('initiative-unlink')).not.toBeInTheDocument();
  }, SLOW);

  it('on 412 says someone changed the complaint and reads it again', async () => {
    serve();
    api.on('PUT', `${COMPLAINT}/initiative`, json(412, { code: 'stale-version', status: 412, title: 'Precondition Failed' }));
    const user = setupUser();
    show();
    await waitFor(() => expect(api.sent('GET', '/api/v1/development-plans/p1')).toHaveLength(1));
    await chooseOption(user, PICK, '交付周期缩短');
    await user.click(screen.getByTestId('initiative-link-submit'));
    expect(await screen.findByTestId('complaint-stale')).toBeInTheDocument();
    await waitFor(() => expect(api.sent('GET', COMPLAINT)).toHaveLength(2));
    // Not the control's error to show: no field error, no second alert.
    expect(within(screen.getByTestId('initiative-link')).queryByRole('alert')).not.toBeInTheDocument();
  }, SLOW);

  it('shows the server’s field error on the control (an initiative of another account)', async () => {
    serve();
    api.on(
      'PUT',
      `${COMPLAINT}/initiative`,
      json(400, { code: 'validation-failed', status: 400, title: 'Bad request', errors: { initiativeId: [{ code: 'unknown-reference', message: 'No initiative of a development plan of this complaint’s account has this id.' }] } }),
    );
    const user = setupUser();
    show();
    await waitFor(() => expect(api.sent('GET', '/api/v1/development-plans/p1')).toHaveLength(1));
    await chooseOption(user, PICK, '建立季度高层互访机制');
    await user.click(screen.getByTestId('initiative-link-submit'));
    const card = screen.getByTestId('initiative-link');
    expect(await within(card).findByText('Does not exist, or you cannot see it.', { selector: '.ant-form-item-explain-error' })).toBeInTheDocument();
    expect(screen.queryByTestId('complaint-stale')).not.toBeInTheDocument();
  }, SLOW);

  it('says when the account has no plan, and links to drafting one for it', async () => {
    serve({ plans: [] });
    show();
    expect(await screen.findByTestId('initiative-no-plan')).toHaveTextContent('华东精密机械有限公司 has no development plan in force or in draft.');
    expect(screen.getByTestId('initiative-create-plan')).toHaveAttribute('href', '/plans/new?accountId=a1');
    expect(screen.queryByTestId('initiative-select')).not.toBeInTheDocument();
  }, SLOW);

  it('is not offered to a role that does not read plans (a service agent), and reads no plans', async () => {
    serve();
    show({ ...testUser, role: 'ServiceAgent', permissions: ['accounts:read', 'reminders:read', 'complaints:read', 'complaints:write', 'users:lookup'] });
    await screen.findByTestId('complaint-subject');
    expect(screen.queryByTestId('initiative-link')).not.toBeInTheDocument();
    expect(api.sent('GET', '/api/v1/development-plans')).toHaveLength(0);
  }, SLOW);
});
