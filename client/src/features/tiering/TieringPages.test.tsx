import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { ApiProblem } from '../../shared/problem';
import { SLOW, fakeMutation, renderWithProviders, setupUser } from '../../test';
import { policyFixture } from './fixtures';
import type { TieringRunDto } from './tieringApi';

// The pages over mocked hooks: what they show for the API's answers (409 run in progress, 412 stale draft).
const api = vi.hoisted(() => ({
  useRuns: vi.fn(),
  usePolicies: vi.fn(),
  useStartRun: vi.fn(),
  usePolicy: vi.fn(),
  useUpdatePolicy: vi.fn(),
  usePublishPolicy: vi.fn(),
  useSimulation: vi.fn(),
}));
vi.mock('./tieringApi', () => api);

const { default: RunsPage } = await import('./RunsPage');
const { default: PolicyPage } = await import('./PolicyPage');

const run: TieringRunDto = {
  id: 'r1',
  policyId: policyFixture().id,
  policyNumber: 2,
  trigger: 'Manual',
  startedBy: null,
  runDate: '2026-11-29',
  startedAt: '2026-11-29T10:00:00Z',
  completedAt: '2026-11-29T10:00:01Z',
  strategicCount: 52,
  keyCount: 64,
  growthCount: 56,
  standardCount: 126,
  changedCount: 192,
};

beforeEach(() => {
  vi.clearAllMocks();
  api.usePolicies.mockReturnValue({ data: [policyFixture({ status: 'Published', publishedAt: '2026-11-29T09:00:00Z' })], isLoading: false, error: null });
  api.useRuns.mockReturnValue({ data: [run], isLoading: false, error: null });
});

describe('RunsPage', () => {
  it('lists runs with their counts per tier and changes', () => {
    api.useStartRun.mockReturnValue(fakeMutation());
    renderWithProviders(<RunsPage />, { url: '/tiering/runs', path: '/tiering/runs' });
    const row = screen.getByTestId('runs-table').querySelector('.ant-table-row')!;
    expect(row).toHaveTextContent('Manual');
    expect(row).toHaveTextContent('v2');
    for (const n of ['52', '64', '56', '126', '192']) expect(row).toHaveTextContent(n);
    // Each count opens the run's accounts behind it: of that tier, or those the run moved.
    expect(screen.getByTestId('run-count-Strategic')).toHaveAttribute('href', '/tiering/runs/r1?tier=Strategic');
    expect(screen.getByTestId('run-count-Standard')).toHaveAttribute('href', '/tiering/runs/r1?tier=Standard');
    expect(screen.getByTestId('run-changed')).toHaveAttribute('href', '/tiering/runs/r1?moved=true');
  });

  it('says so in plain words when a run is already in progress (409)', () => {
    api.useStartRun.mockReturnValue(fakeMutation({ error: ApiProblem.from(409, { code: 'tiering-run-in-progress', title: 'Tiering run in progress', status: 409, detail: 'A tiering run or simulation is in progress; try again when it has finished.' }) }));
    renderWithProviders(<RunsPage />, { url: '/tiering/runs', path: '/tiering/runs' });
    expect(screen.getByText('A run is already in progress')).toBeInTheDocument();
    // The friendly note instead of the problem's own message.
    expect(screen.queryByText('A tiering run or simulation is in progress. Try again when it has finished.')).toBeNull();
  });

  it('shows other failures as problem details', () => {
    api.useStartRun.mockReturnValue(fakeMutation({ error: ApiProblem.from(500, { code: 'server-error', title: 'Server error', status: 500, traceId: '00-abc' }) }));
    renderWithProviders(<RunsPage />, { url: '/tiering/runs', path: '/tiering/runs' });
    expect(screen.getByRole('alert', { hidden: true })).toHaveTextContent('Something went wrong on our side');
  });
});

describe('PolicyPage', () => {
  it('tells the user when someone else saved the draft meanwhile (412) and reloads it', async () => {
    const user = setupUser();
    const refetch = vi.fn().mockResolvedValue(undefined);
    api.usePolicy.mockReturnValue({ data: { data: policyFixture(), etag: '"7"' }, isLoading: false, error: null, refetch });
    const update = fakeMutation({ mutateAsync: vi.fn().mockRejectedValue(ApiProblem.from(412, { code: 'stale-version', title: 'Changed meanwhile', status: 412 })) });
    api.useUpdatePolicy.mockReturnValue(update);
    api.usePublishPolicy.mockReturnValue(fakeMutation());
    api.useSimulation.mockReturnValue(fakeMutation());
    renderWithProviders(<PolicyPage />, { url: `/tiering/policies/${policyFixture().id}`, path: '/tiering/policies/:id' });

    await user.clear(screen.getByLabelText('Hysteresis margin'));
    await user.type(screen.getByLabelText('Hysteresis margin'), '4');
    await user.click(screen.getByTestId('save-policy'));
    await waitFor(() => expect(update.mutateAsync).toHaveBeenCalledWith({ etag: '"7"', body: expect.objectContaining({ hysteresisMargin: 4 }) }));
    expect(await screen.findByText('Someone else changed this draft')).toBeInTheDocument();

    await user.click(screen.getByText('Reload'));
    await waitFor(() => expect(refetch).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByText('Someone else changed this draft')).toBeNull());
    // The editor starts again from the version just read.
    expect(screen.getByLabelText('Hysteresis margin')).toHaveValue('5.0');
  }, SLOW);
});
