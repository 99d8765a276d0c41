import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { ApiProblem } from '../../shared/problem';
import { SLOW, chooseOption, fakeApi, fakeMutation, json, renderWithProviders, setupUser } from '../../test';
import { ActionForm } from './ActionForm';
import { complaintFixture, summaryFixture } from './fixtures';

// The pages over mocked hooks: what they show for the API's answers.
const api = vi.hoisted(() => ({
  useComplaints: vi.fn(),
  useComplaint: vi.fn(),
  useComplaintStep: vi.fn(),
  useAddComment: vi.fn(),
  useLinkInitiative: vi.fn(() => fakeMutation()),
}));
vi.mock('./complaintsApi', () => api);
// The plan-initiative control's reads (its own tests: InitiativeLinkCard.test.tsx): the account has no plan.
vi.mock('../plans/plansApi', () => ({
  usePlans: () => ({ data: { items: [] }, isLoading: false }),
  usePlan: () => ({ data: undefined, isLoading: false }),
  usePlanDocuments: () => [],
}));
vi.mock('../accounts/accountsApi', () => ({ useContacts: () => ({ data: { items: [] }, isLoading: false }) }));

const { default: ComplaintPage } = await import('./ComplaintPage');
const { default: ComplaintsQueuePage } = await import('./ComplaintsQueuePage');

function showComplaint(overrides: Parameters<typeof complaintFixture>[0] = {}, step = fakeMutation()) {
  const refetch = vi.fn().mockResolvedValue(undefined);
  api.useComplaint.mockReturnValue({ data: { data: complaintFixture(overrides), etag: '"7"' }, isLoading: false, error: null, refetch });
  api.useComplaintStep.mockReturnValue(step);
  api.useAddComment.mockReturnValue(fakeMutation());
  renderWithProviders(<ComplaintPage />, { url: '/complaints/c1', path: '/complaints/:id' });
  return { refetch, step };
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('ActionForm: resolve', () => {
  it('requires the resolution, the root cause and the corrective action', async () => {
    const user = setupUser();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<ActionForm action="Resolve" me={{ id: 'me', displayName: 'Zhao Min' }} onSubmit={onSubmit} onCancel={() => {}} />);
    await user.click(screen.getByTestId('step-submit'));
    expect(await screen.findByText('Describe the resolution')).toBeInTheDocument();
    expect(screen.getByText('Choose a root cause')).toBeInTheDocument();
    expect(screen.getByText('Describe the corrective action')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();

    // Blanks are not an answer.
    await user.type(screen.getByLabelText('Resolution'), '   ');
    await user.click(screen.getByTestId('step-submit'));
    await screen.findByText('Describe the resolution');
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Resolution'));
    await user.type(screen.getByLabelText('Resolution'), 'Delivered the 3 pallets by express');
    await chooseOption(user, 'Root cause', 'Logistics');
    await user.type(screen.getByLabelText('Corrective action'), 'Pallet count checked at loading');
    await user.click(screen.getByTestId('step-submit'));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        action: 'Resolve',
        body: { resolution: 'Delivered the 3 pallets by express', rootCause: 'Logistics', correctiveAction: 'Pallet count checked at loading' },
      }),
    );
  }, SLOW);

  it('assigns to the signed-in user, with the department chosen', async () => {
    const user = setupUser();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<ActionForm action="Assign" me={{ id: 'me', displayName: 'Zhao Min' }} onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.getByText('Me (Zhao Min)')).toBeInTheDocument();
    await user.click(screen.getByTestId('step-submit'));
    expect(await screen.findByText('Choose the responsible department')).toBeInTheDocument();
    await chooseOption(user, 'Department', 'Quality');
    expect(screen.getByTestId('step-submit')).toHaveTextContent('Assign to me');
    await user.click(screen.getByTestId('step-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ action: 'Assign', body: { department: 'Quality', assigneeId: 'me' } }));
  }, SLOW);

  it('assigns to a colleague picked by name from the user lookup', async () => {
    const api = fakeApi();
    try {
      api.on('GET', '/api/v1/users/lookup', json(200, [{ id: 'u7', displayName: '钱峰', role: 'ServiceAgent', department: 'Service' }]));
      const user = setupUser();
      const onSubmit = vi.fn().mockResolvedValue(undefined);
      renderWithProviders(<ActionForm action="Assign" me={{ id: 'me', displayName: 'Zhao Min' }} currentDepartment="Service" onSubmit={onSubmit} onCancel={() => {}} />);
      await user.click(screen.getByText('Someone else'));
      await chooseOption(user, 'Choose a colleague by name', '钱峰');
      expect(screen.getByTestId('step-submit')).toHaveTextContent('Assign');
      await user.click(screen.getByTestId('step-submit'));
      await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ action: 'Assign', body: { department: 'Service', assigneeId: 'u7' } }));
    } finally {
      api.restore();
    }
  }, SLOW);
});

describe('ComplaintPage', () => {
  it('offers only the next allowed steps', () => {
    showComplaint();
    const actions = screen.getByTestId('complaint-actions');
    expect([...actions.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Reassign', 'Wait for customer', 'Resolve']);
    expect(screen.queryByTestId('action-acknowledge')).toBeNull();
    expect(screen.queryByTestId('action-close')).toBeNull();
  });

  it('shows the SLA clocks, the customer’s words and the translated timeline', () => {
    showComplaint({ firstResponseClock: { dueAt: null, atRisk: true, breached: true, escalationLevel: 1 } });
    expect(within(screen.getByTestId('sla-first-response')).getByTestId('sla-badge')).toHaveAttribute('data-state', 'Missed');
    expect(within(screen.getByTestId('sla-resolution')).getByTestId('sla-badge')).toHaveTextContent(/left|overdue/);
    expect(within(screen.getByTestId('sla-first-response')).getByTestId('escalation-level')).toHaveTextContent('Escalation L1');
    expect(within(screen.getByTestId('sla-resolution')).queryByTestId('escalation-level')).toBeNull();
    expect(screen.getByTestId('complaint-remedy')).toHaveTextContent('Deliver the missing pallets by Thursday');
    expect(screen.getByTestId('complaint-assignee')).toHaveTextContent('Zhao Min');
    expect(screen.getByTestId('timeline-Assigned')).toHaveTextContent('Assigned to Zhao Min (Logistics)');
  });

  it('shows the server’s reason when the step is no longer allowed (409) and refreshes the buttons', async () => {
    const user = setupUser();
    const step = fakeMutation({
      mutateAsync: vi.fn().mockRejectedValue(
        ApiProblem.from(409, {
          code: 'complaint-transition-not-allowed',
          title: 'Business rule violated',
          status: 409,
          detail: 'A complaint in status Resolved cannot resume (→ InProgress); allowed from: AwaitingCustomer.',
          args: { from: 'Resolved', to: 'InProgress', action: 'Resume', allowedFrom: ['AwaitingCustomer'] },
        }),
      ),
    });
    const { refetch } = showComplaint({ allowedActions: ['Resume'], status: 'AwaitingCustomer' }, step);
    await user.click(screen.getByTestId('action-resume'));
    await user.click(await screen.findByTestId('step-submit'));
    expect(await screen.findByText('This step is not possible now')).toBeInTheDocument();
    // The reason in the user's language, from the rule's code and arguments.
    expect(screen.getByText('This complaint is Resolved: “Customer answered” is only possible when it is Awaiting customer.')).toBeInTheDocument();
    expect(step.mutateAsync).toHaveBeenCalledWith({ etag: '"7"', step: { action: 'Resume', body: { note: null } } });
    expect(refetch).toHaveBeenCalled();
  }, SLOW);

  it('reloads the complaint when someone else changed it meanwhile (412)', async () => {
    const user = setupUser();
    const step = fakeMutation({ mutateAsync: vi.fn().mockRejectedValue(ApiProblem.from(412, { code: 'stale-version', title: 'Changed meanwhile', status: 412 })) });
    const { refetch } = showComplaint({ allowedActions: ['Resume'], status: 'AwaitingCustomer' }, step);
    await user.click(screen.getByTestId('action-resume'));
    await user.click(await screen.findByTestId('step-submit'));
    await waitFor(() => expect(refetch).toHaveBeenCalled());
    expect(await screen.findByTestId('complaint-stale')).toHaveTextContent('This complaint changed meanwhile');
  }, SLOW);

  it('takes no comments once closed, and says how to continue', () => {
    showComplaint({ status: 'Closed', allowedActions: ['Reopen'], closedAt: '2026-11-30T08:00:00Z' });
    expect(screen.getByLabelText('Comment')).toBeDisabled();
    expect(screen.getByTestId('comment-submit')).toBeDisabled();
    expect(screen.getByTestId('comment-closed-hint')).toHaveTextContent('Reopen the complaint to continue working on it.');
  });
});

describe('ComplaintsQueuePage', () => {
  it('lets a chosen status say which complaints are shown: "open only" steps aside, whatever the status', () => {
    api.useComplaints.mockReturnValue({ data: { items: [], page: 1, pageSize: 20, totalCount: 0 }, isFetching: false, error: null });
    renderWithProviders(<ComplaintsQueuePage />, { url: '/complaints?status=InProgress', path: '/complaints' });
    expect(api.useComplaints).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'InProgress', openOnly: undefined }));
    expect(screen.getByTestId('filter-open')).toBeDisabled();
    expect(screen.getByTestId('filter-open')).not.toBeChecked();
  });

  it('lists complaints with their live SLA badges and escalation, filters from the URL', () => {
    const due = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    api.useComplaints.mockReturnValue({
      data: {
        items: [
          summaryFixture({ id: 'c1', reference: 'CMP-2026-000001', dueAt: due(-125), slaState: 'Breached', resolutionClock: { dueAt: due(-125), atRisk: true, breached: true, escalationLevel: 2 } }),
          summaryFixture({ id: 'c2', reference: 'CMP-2026-000002', dueAt: due(50), slaState: 'AtRisk' }),
          summaryFixture({ id: 'c3', reference: 'CMP-2026-000003', dueAt: due(3 * 60 + 13), slaState: 'OnTime', assigneeId: null, assigneeName: null }),
        ],
        page: 1,
        pageSize: 20,
        totalCount: 3,
      },
      isFetching: false,
      error: null,
    });
    renderWithProviders(<ComplaintsQueuePage />, { url: '/complaints?severity=High&mine=true', path: '/complaints' });
    expect(api.useComplaints).toHaveBeenCalledWith(expect.objectContaining({ severity: 'High', mine: true, openOnly: true, page: 1, pageSize: 20 }));
    const badges = screen.getAllByTestId('sla-badge');
    expect(badges.map((b) => b.getAttribute('data-state'))).toEqual(['Breached', 'AtRisk', 'OnTime']);
    expect(badges[0]).toHaveTextContent('overdue 2 h 5 min');
    expect(badges[1]).toHaveTextContent(/^4\d min left$/);
    expect(badges[2]).toHaveTextContent(/^3 h 1\d min left$/);
    expect(screen.getByTestId('escalation-level')).toHaveTextContent('Escalation L2');
    expect(screen.getByText('Unassigned')).toBeInTheDocument();
    expect(screen.getByText('Total 3')).toBeInTheDocument();
  });

  it('dispatches a complaint to a named person from the queue, when the complaint may be assigned now', async () => {
    api.useComplaints.mockReturnValue({
      data: { items: [summaryFixture({ id: 'c1', reference: 'CMP-2026-000001', status: 'Acknowledged' }), summaryFixture({ id: 'c2', reference: 'CMP-2026-000002', status: 'Closed', stopped: true })], page: 1, pageSize: 20, totalCount: 2 },
      isFetching: false,
      error: null,
    });
    api.useComplaint.mockReturnValue({ data: { data: complaintFixture({ id: 'c1', status: 'Acknowledged', allowedActions: ['Assign', 'AwaitCustomer'] }), etag: '"7"' }, isLoading: false, error: null, refetch: vi.fn() });
    api.useComplaintStep.mockReturnValue(fakeMutation());
    const user = setupUser();
    renderWithProviders(<ComplaintsQueuePage />, { url: '/complaints', path: '/complaints' });
    // A stopped complaint offers no dispatch.
    expect(screen.getAllByTestId('queue-dispatch')).toHaveLength(1);
    await user.click(screen.getByTestId('queue-dispatch'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Dispatch · CMP-2026-000001/)).toBeInTheDocument();
    expect(within(dialog).getByText('Department')).toBeInTheDocument();
  }, SLOW);

  it('says why a new complaint cannot be dispatched yet', async () => {
    api.useComplaints.mockReturnValue({ data: { items: [summaryFixture({ id: 'c1', reference: 'CMP-2026-000001', status: 'New' })], page: 1, pageSize: 20, totalCount: 1 }, isFetching: false, error: null });
    api.useComplaint.mockReturnValue({ data: { data: complaintFixture({ id: 'c1', status: 'New', allowedActions: ['Acknowledge'] }), etag: '"7"' }, isLoading: false, error: null, refetch: vi.fn() });
    api.useComplaintStep.mockReturnValue(fakeMutation());
    const user = setupUser();
    renderWithProviders(<ComplaintsQueuePage />, { url: '/complaints', path: '/complaints' });
    await user.click(screen.getByTestId('queue-dispatch'));
    expect(await screen.findByTestId('dispatch-not-now')).toHaveTextContent('acknowledge it first');
  }, SLOW);
});
