import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';

export type AtRiskQuery = NonNullable<paths['/api/v1/dashboard/at-risk']['get']['parameters']['query']>;
export type OverdueQuery = NonNullable<paths['/api/v1/dashboard/overdue-contacts']['get']['parameters']['query']>;

/**
 * The portfolio as the API sends it. For a role without revenue:read every revenue figure is null (and the Pareto
 * curve and value matrix are empty); the OpenAPI document does not mark `revenue` nullable yet, hence these types.
 */
export type PortfolioTier = Omit<Schemas['PortfolioTierDto'], 'revenue' | 'revenueShare'> & { revenue: string | null; revenueShare?: number | null };
export type Portfolio = Omit<Schemas['PortfolioDto'], 'revenue' | 'tiers'> & { revenue: string | null; tiers: PortfolioTier[] };

export function usePortfolio(ownerId?: string) {
  return useQuery({
    queryKey: ['portfolio', ownerId ?? 'all'],
    queryFn: async (): Promise<Portfolio> => unwrap(api.GET('/api/v1/dashboard', { params: { query: { ownerId } } })),
  });
}

export function useAtRisk(query: AtRiskQuery) {
  return useQuery({
    queryKey: ['portfolio', 'at-risk', query],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/at-risk', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useOverdueContacts(query: OverdueQuery) {
  return useQuery({
    queryKey: ['portfolio', 'overdue', query],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/overdue-contacts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccountHealth(id: string) {
  return useQuery({
    queryKey: ['accounts', id, 'health'],
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/health', { params: { path: { id } } })),
  });
}
