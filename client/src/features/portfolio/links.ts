// Where each dashboard figure leads: the list behind it, filtered as the figure counts (the server computes the figure
// and the list from one home; these only name the URL). Kept here, pure, so that the hrefs are tested.
import type { Tier } from '../../api/client';
import type { HealthBand } from './health';

export type SlaState = 'OnTime' | 'AtRisk' | 'Breached';

/** A period of complaints received, as the dashboard and the complaint metrics send it. */
export interface ReceivedPeriod {
  from: string;
  to: string;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return search.toString();
}

export const figureLinks = {
  /** Every active account in scope. */
  activeAccounts: () => '/accounts?status=Active',
  /** The active accounts of a tier (the tier row's count and share). */
  tier: (tier: Tier) => `/accounts?${query({ tier, status: 'Active' })}`,
  /** A heat-map cell: the at-risk list of that band and tier; Green accounts have no list of their own (null). */
  healthCell: (tier: Tier, band: HealthBand) => (band === 'Green' ? null : `/portfolio?${query({ tab: 'at-risk', band, tier })}`),
  /** Accounts past their tier's contact cadence. */
  overdueContacts: () => '/portfolio?tab=overdue',
  /** Plans in force (Approved, Active) with an overdue initiative. */
  plansAtRisk: () => '/plans?status=Approved,Active&overdue=true',
  /** The complaints received in the period (resolved and closed too), optionally of one SLA state, tier or category. */
  complaints: (period: ReceivedPeriod, filter: { slaState?: SlaState; tier?: string; category?: string } = {}) =>
    `/complaints?${query({ open: 'all', ...filter, receivedFrom: period.from, receivedTo: period.to })}`,
  /** A tiering run's accounts from its stored tier history: of the tier it placed them in, or those it moved. */
  runAccounts: (runId: string, filter: { tier?: Tier; moved?: boolean }) =>
    `/tiering/runs/${runId}?${query({ tier: filter.tier, moved: filter.moved ? 'true' : undefined })}`.replace(/\?$/, ''),
  /** The survey campaigns, whose results hold the responses the trend counts. */
  surveys: () => '/surveys',
};
