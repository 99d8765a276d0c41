import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import { complaintFixture } from './fixtures';

// The account and contact pickers over mocked hooks; the intake itself through the real hooks and a fake API.
vi.mock('../accounts/accountsApi', () => ({
  useAccounts: () => ({
    data: { items: [{ id: 'a1', name: '华东精密机械有限公司', registrationNumber: '91310000MA1K', tier: 'Key', status: 'Active' }], totalCount: 1 },
    isFetching: false,
  }),
  useContacts: () => ({ data: { items: [{ id: 'k1', name: '王芳', title: '采购总监' }] }, isLoading: false }),
  // An account named by a link (`?accountId=`) that the search has not found: read by its id.
  useAccount: (id: string, enabled: boolean) => ({
    data: enabled && id === 'a2' ? { data: { id: 'a2', name: '南方物流集团', registrationNumber: '91440300MA5F', tier: 'Strategic', status: 'Active' }, etag: '"1"' } : undefined,
  }),
}));

const { default: ComplaintIntakePage } = await import('./ComplaintIntakePage');
const fake = fakeApiPerTest();
beforeEach(() => {
  vi.clearAllMocks();
});

describe('ComplaintIntakePage', () => {
  it('opened from an account’s Complaints tab (?accountId=), has that account filled in, by name, and files for it', async () => {
    const user = setupUser();
    fake.on('POST', '/api/v1/complaints', json(201, complaintFixture({ id: 'c9', accountId: 'a2' })));
    renderWithProviders(<ComplaintIntakePage />, { url: '/complaints/new?accountId=a2', path: '/complaints/new', routes: { '/complaints/:id': <div>complaint page</div> } });
    expect(await screen.findByText('南方物流集团')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Contact')).toBeEnabled());
    await chooseOption(user, 'Category', 'Delivery');
    await user.click(screen.getByText('High'));
    await user.type(screen.getByLabelText('Subject'), 'Pallets damaged on arrival');
    await user.type(screen.getByLabelText('Description (in the customer’s words)'), 'Three pallets arrived broken.');
    await user.click(screen.getByTestId('intake-submit'));
    await waitFor(() => expect(fake.sent('POST', '/api/v1/complaints')).toHaveLength(1));
    expect(fake.sent('POST', '/api/v1/complaints')[0]!.body).toMatchObject({ accountId: 'a2', severity: 'High' });
    expect(await screen.findByText('complaint page')).toBeInTheDocument();
  }, SLOW);

  it('files with one Idempotency-Key per complaint — the same on a retry, a new one for other content — and shows a 400’s field errors at the fields', async () => {
    const user = setupUser();
    fake.on(
      'POST',
      '/api/v1/complaints',
      json(400, {
        code: 'validation',
        title: 'Invalid request',
        status: 400,
        detail: 'One or more fields are invalid.',
        errors: { subject: [{ code: 'too-short', message: 'Subject is too vague.', args: { min: 10 } }] },
      }),
      new TypeError('Failed to fetch'),
      json(201, complaintFixture({ id: 'c9', reference: 'CMP-2026-000009' })),
    );
    renderWithProviders(<ComplaintIntakePage />, { url: '/complaints/new', path: '/complaints/new', routes: { '/complaints/:id': <div>complaint page</div> } });
    const filed = () => fake.sent('POST', '/api/v1/complaints');

    // Nothing is sent while the required fields are empty.
    await user.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByText('Choose the account')).toBeInTheDocument();
    expect(screen.getByText('Choose the severity')).toBeInTheDocument();
    expect(filed()).toHaveLength(0);

    await chooseOption(user, 'Account', '华东精密机械有限公司');
    // The contacts are those of the chosen account.
    await waitFor(() => expect(screen.getByLabelText('Contact')).toBeEnabled());
    await chooseOption(user, 'Contact', '王芳');
    await chooseOption(user, 'Category', 'Delivery');
    await user.click(screen.getByText('High'));
    await user.type(screen.getByLabelText('Subject'), 'Pallets');
    await user.type(screen.getByLabelText('Description (in the customer’s words)'), 'Delivered 17 of 20 pallets.');
    await user.click(screen.getByTestId('intake-submit'));

    // The field error by its code, in the UI's language.
    expect(await screen.findByText('At least 10 characters.')).toBeInTheDocument();
    const [first] = filed();
    expect(first!.body).toMatchObject({ accountId: 'a1', contactId: 'k1', channel: 'Phone', category: 'Delivery', severity: 'High', subject: 'Pallets', requestedRemedy: null });
    // An instant in UTC, never a local time without its offset.
    expect((first!.body as { receivedAt: string }).receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const key = first!.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    // Other content is another creation: a new key. Its answer is lost (network failure)…
    await user.type(screen.getByLabelText('Subject'), ' missing from SO-88121');
    await user.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    const second = filed()[1]!.headers.get('Idempotency-Key');
    expect(second).not.toBe(key);

    // …so the user sends it again: the same key, so the API files it once.
    await user.click(screen.getByTestId('intake-submit'));
    expect(await screen.findByText('complaint page')).toBeInTheDocument();
    expect(filed()).toHaveLength(3);
    expect(filed()[2]!.headers.get('Idempotency-Key')).toBe(second);
    expect(filed()[2]!.body).toEqual(filed()[1]!.body);
  }, SLOW);
});
