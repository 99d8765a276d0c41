// Changes carry the ETag of the read the user is looking at as If-Match: a complaint's workflow step and a policy's
// publication, through the real pages, hooks and generated client (a fake API answers). A 412 shows the stale-version
// alert; after a reload the next attempt sends the new ETag.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, confirmPopconfirm, fakeApiPerTest, json, renderWithProviders, setupUser } from '../test';
import { complaintFixture } from '../features/complaints/fixtures';
import { policyFixture } from '../features/tiering/fixtures';
import ComplaintPage from '../features/complaints/ComplaintPage';
import PolicyPage from '../features/tiering/PolicyPage';

const fake = fakeApiPerTest();
const elsewhere = { '*': <div>elsewhere</div> };

describe('If-Match', () => {
  it('sends the complaint’s ETag with a workflow step, and the new one after a 412 and a reload', async () => {
    const user = setupUser();
    const waiting = complaintFixture({ status: 'AwaitingCustomer', allowedActions: ['Resume'] });
    fake
      .on('GET', '/api/v1/accounts/a1/contacts', json(200, { items: [], totalCount: 0, page: 1, pageSize: 50 }))
      .on('GET', '/api/v1/complaints/c1', json(200, waiting, { ETag: '"7"' }), json(200, waiting, { ETag: '"9"' }))
      .on(
        'POST',
        '/api/v1/complaints/c1/resume',
        json(412, { code: 'stale-version', title: 'Changed meanwhile', status: 412, detail: 'The resource was changed by someone else since you read it.' }),
        json(200, { ...waiting, status: 'InProgress', allowedActions: ['AwaitCustomer', 'Resolve'] }, { ETag: '"10"' }),
      );
    renderWithProviders(<ComplaintPage />, { url: '/complaints/c1', path: '/complaints/:id', routes: elsewhere });

    await user.click(await screen.findByTestId('action-resume'));
    await user.click(await screen.findByTestId('step-submit'));
    // Someone else took a step meanwhile: the page says so and reads the complaint again.
    expect(await screen.findByTestId('complaint-stale')).toHaveTextContent('This complaint changed meanwhile');
    expect(fake.sent('POST', '/api/v1/complaints/c1/resume')[0]!.headers.get('If-Match')).toBe('"7"');
    await waitFor(() => expect(fake.sent('GET', '/api/v1/complaints/c1')).toHaveLength(2));

    await user.click(await screen.findByTestId('action-resume'));
    await user.click(await screen.findByTestId('step-submit'));
    await waitFor(() => expect(fake.sent('POST', '/api/v1/complaints/c1/resume')).toHaveLength(2));
    expect(fake.sent('POST', '/api/v1/complaints/c1/resume')[1]!.headers.get('If-Match')).toBe('"9"');
    expect(await screen.findByTestId('action-resolve')).toBeInTheDocument();
  }, SLOW);

  it('publishes the policy version the user reviewed: its ETag as If-Match; a 412 offers a reload', async () => {
    const user = setupUser();
    const draft = policyFixture();
    const path = `/api/v1/tiering/policies/${draft.id}`;
    fake
      .on('GET', path, json(200, draft, { ETag: '"3"' }), json(200, draft, { ETag: '"4"' }))
      .on(
        'POST',
        `${path}/publish`,
        json(412, { code: 'stale-version', title: 'Changed meanwhile', status: 412, detail: 'The resource was changed by someone else since you read it.' }),
        json(200, { ...draft, status: 'Published', publishedAt: '2026-12-01T08:00:00Z' }),
      )
      .on('GET', '/api/v1/tiering/policies', json(200, []));
    renderWithProviders(<PolicyPage />, { url: `/tiering/policies/${draft.id}`, path: '/tiering/policies/:id', routes: elsewhere });

    const publish = async () => {
      await user.click(await screen.findByTestId('publish-policy'));
      await confirmPopconfirm(user);
    };
    await publish();
    const stale = await screen.findByText('Someone else changed this draft');
    expect(stale).toBeInTheDocument();
    expect(fake.sent('POST', `${path}/publish`)[0]!.headers.get('If-Match')).toBe('"3"');

    // The alert's own Reload button (a role query over the whole policy editor costs seconds in jsdom).
    await user.click(within(stale.closest<HTMLElement>('[role="alert"]')!).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText('Someone else changed this draft')).toBeNull());
    await publish();
    await waitFor(() => expect(fake.sent('POST', `${path}/publish`)).toHaveLength(2));
    expect(fake.sent('POST', `${path}/publish`)[1]!.headers.get('If-Match')).toBe('"4"');
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  }, SLOW);
});
