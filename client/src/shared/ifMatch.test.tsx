// Changes carry the ETag of the read the user is looking at as If-Match: a complaint's workflow step and a policy's
// publication, through the real pages, hooks and generated client (a fake API answers). A 412 shows the stale-version
// alert; after a reload the next attempt sends the new ETag.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../i18n/I18nProvider';
import { fakeApi, json } from '../test-api';
import { complaintFixture } from '../features/complaints/fixtures';
import { policyFixture } from '../features/tiering/fixtures';

vi.mock('../auth/session', () => ({
  useSession: () => ({ user: { id: 'me', displayName: 'Zhao Min', role: 'Director', permissions: [] }, can: () => true }),
}));

const { default: ComplaintPage } = await import('../features/complaints/ComplaintPage');
const { default: PolicyPage } = await import('../features/tiering/PolicyPage');

// antd's forms and the policy editor render slowly in jsdom on a busy 2-core machine.
const SLOW = 60_000;
configure({ asyncUtilTimeout: 10_000 });

let fake: ReturnType<typeof fakeApi>;
beforeEach(() => {
  fake = fakeApi();
});
afterEach(() => fake.restore());

function renderAt(path: string, routePath: string, element: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider locale="en">
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={routePath} element={element} />
            <Route path="*" element={<div>elsewhere</div>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

describe('If-Match', () => {
  it('sends the complaint’s ETag with a workflow step, and the new one after a 412 and a reload', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
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
    renderAt('/complaints/c1', '/complaints/:id', <ComplaintPage />);

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
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
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
    renderAt(`/tiering/policies/${draft.id}`, '/tiering/policies/:id', <PolicyPage />);

    const publish = async () => {
      await user.click(await screen.findByTestId('publish-policy'));
      // The confirmation's own button.
      const ok = await waitFor(() => {
        const button = document.querySelector<HTMLButtonElement>('.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
        if (!button) throw new Error('no confirmation yet');
        return button;
      });
      await user.click(ok);
    };
    await publish();
    expect(await screen.findByText('Someone else changed this draft')).toBeInTheDocument();
    expect(fake.sent('POST', `${path}/publish`)[0]!.headers.get('If-Match')).toBe('"3"');

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText('Someone else changed this draft')).toBeNull());
    await publish();
    await waitFor(() => expect(fake.sent('POST', `${path}/publish`)).toHaveLength(2));
    expect(fake.sent('POST', `${path}/publish`)[1]!.headers.get('If-Match')).toBe('"4"');
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  }, SLOW);
});
