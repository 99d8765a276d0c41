import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test';
import type { Portfolio } from './portfolioApi';

// The overview over a mocked portfolio: every figure is a link, and each carries the href of the list behind it.
const api = vi.hoisted(() => ({ usePortfolio: vi.fn(), useAtRisk: vi.fn(), useOverdueContacts: vi.fn(), useAccountHealth: vi.fn() }));
vi.mock('./portfolioApi', () => api);
const { default: PortfolioPage } = await import('./PortfolioPage');

const months = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}-01`, respondents: 0, nps: null, weightedNps: null, ratings: 0, csat: null }));
const portfolio = {
  asOf: '2026-12-03',
  accounts: 192,
  revenue: null,
  topFifthRevenueShare: null,
  tiers: [
    { tier: 'Strategic', accounts: 52, accountShare: 27.08, revenue: null, revenueShare: null },
    { tier: 'Key', accounts: 64, accountShare: 33.33, revenue: null, revenueShare: null },
    { tier: 'Growth', accounts: 56, accountShare: 29.17, revenue: null, revenueShare: null },
    { tier: 'Standard', accounts: 20, accountShare: 10.42, revenue: null, revenueShare: null },
  ],
  pareto: [],
  valueMatrix: [],
  accountsNeedingPlan: 7,
  accountsNeedingPlanByReason: [{ reason: 'NoPlan', accounts: 7 }, { reason: 'NotApproved', accounts: 0 }, { reason: 'Expired', accounts: 0 }],
  healthHeatMap: [
    { tier: 'Strategic', band: 'Green', accounts: 40 },
    { tier: 'Strategic', band: 'Amber', accounts: 9 },
    { tier: 'Strategic', band: 'Red', accounts: 3 },
    { tier: 'Key', band: 'Red', accounts: 0 },
  ],
  healthComputedAt: '2026-12-03T08:00:00Z',
  satisfactionTrend: months,
  sla: { from: '2026-09-04T08:00:00Z', to: '2026-12-03T08:00:00Z', complaints: 18, firstResponseCompliance: 88.9, resolutionCompliance: 75, atRisk: 2, breached: 4 },
  accountsOverdueForContact: 11,
  plansAtRisk: 5,
} as unknown as Portfolio;

beforeEach(() => {
  vi.clearAllMocks();
  api.usePortfolio.mockReturnValue({ data: portfolio, isLoading: false, error: null });
});

describe('PortfolioPage overview', () => {
  it('links each figure to the filtered list behind it', async () => {
    renderWithProviders(<PortfolioPage />, { url: '/portfolio', path: '/portfolio' });
    expect(await screen.findByTestId('tier-count-Strategic')).toHaveAttribute('href', '/accounts?tier=Strategic&status=Active');
    expect(screen.getByTestId('tier-count-Strategic')).toHaveTextContent('52');
    expect(screen.getByTestId('overdue-figure')).toHaveAttribute('href', '/portfolio?tab=overdue');
    expect(screen.getByTestId('plans-at-risk-figure')).toHaveAttribute('href', '/plans?status=Approved,Active&overdue=true');
    const period = 'receivedFrom=2026-09-04T08%3A00%3A00Z&receivedTo=2026-12-03T08%3A00%3A00Z';
    expect(screen.getByTestId('sla-breached')).toHaveAttribute('href', `/complaints?open=all&slaState=Breached&${period}`);
    expect(screen.getByTestId('sla-at-risk')).toHaveAttribute('href', `/complaints?open=all&slaState=AtRisk&${period}`);
    expect(screen.getByTestId('sla-first-response')).toHaveAttribute('href', `/complaints?open=all&${period}`);
    // Heat-map: Amber and Red cells open the at-risk list of their tier; Green and empty cells are plain numbers.
    expect(screen.getByTestId('heat-Strategic-Red')).toHaveAttribute('href', '/portfolio?tab=at-risk&band=Red&tier=Strategic');
    expect(screen.getByTestId('heat-Strategic-Amber')).toHaveAttribute('href', '/portfolio?tab=at-risk&band=Amber&tier=Strategic');
    expect(screen.getByTestId('heat-Strategic-Green').tagName).toBe('SPAN');
    expect(screen.getByTestId('heat-Key-Red').tagName).toBe('SPAN');
    expect(screen.getByTestId('needs-plan-card').querySelector('a')).toHaveAttribute('href', '/plans?tab=needing');
  });
});
