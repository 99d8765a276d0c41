// Tiering over the generated contract: policy versions, simulations, runs, an account's tier history and pin.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../api/schema';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import { useCreateMutation } from '../../shared/idempotency';
import { accountKeys } from '../accounts/accountsApi';

export type TierPolicyDto = Schemas['TierPolicyDto'];
export type TierPolicyInput = Schemas['TierPolicyInput'];
export type SimulationDto = Schemas['SimulationDto'];
export type TierMoveDto = Schemas['TierMoveDto'];
export type TieringRunDto = Schemas['TieringRunDto'];
export type TierHistoryEntryDto = Schemas['TierHistoryEntryDto'];
export type CriterionScoreDto = Schemas['CriterionScoreDto'];
export type TierOverrideInput = Schemas['TierOverrideInput'];
export type Criterion = Schemas['Criterion'];
export type ServiceLevelDto = Schemas['ServiceLevelDto'];

export const tieringKeys = {
  all: ['tiering'] as const,
  policies: ['tiering', 'policies'] as const,
  policy: (id: string) => ['tiering', 'policies', id] as const,
  runs: ['tiering', 'runs'] as const,
  history: (accountId: string) => ['accounts', accountId, 'tier-history'] as const,
};

export function usePolicies() {
  return useQuery({ queryKey: tieringKeys.policies, queryFn: () => unwrap(api.GET('/api/v1/tiering/policies')) });
}

/** One version with its ETag (the version to send back as If-Match when saving a draft). */
export function usePolicy(id: string) {
  return useQuery({
    queryKey: tieringKeys.policy(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/tiering/policies/{id}', { params: { path: { id } } })),
  });
}

export function useCreatePolicy() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: TierPolicyInput, key) => unwrap(api.POST('/api/v1/tiering/policies', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: tieringKeys.policies, exact: true }),
  });
}

export function useUpdatePolicy(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: TierPolicyInput }) =>
      unwrapWithETag(api.PUT('/api/v1/tiering/policies/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (saved) => {
      client.setQueryData(tieringKeys.policy(id), saved);
      return client.invalidateQueries({ queryKey: tieringKeys.policies, exact: true });
    },
  });
}

/** Publishes the draft as read (its ETag as If-Match): the API refuses (412) a draft changed since. */
export function usePublishPolicy(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, acknowledgeShift }: { etag: string; acknowledgeShift?: boolean }) =>
      unwrap(
        api.POST('/api/v1/tiering/policies/{id}/publish', {
          params: { path: { id }, header: ifMatch(etag), query: acknowledgeShift ? { acknowledgeShift: true } : {} },
        }),
      ),
    // The previously published version is retired too: refresh every version.
    onSuccess: () => client.invalidateQueries({ queryKey: tieringKeys.policies }),
  });
}

export function useSimulation() {
  return useMutation({ mutationFn: (body: TierPolicyInput) => unwrap(api.POST('/api/v1/tiering/simulations', { body })) });
}

export function useRuns() {
  return useQuery({ queryKey: tieringKeys.runs, queryFn: () => unwrap(api.GET('/api/v1/tiering/runs')) });
}

export type RunAccountsQuery = NonNullable<paths['/api/v1/tiering/runs/{id}/accounts']['get']['parameters']['query']>;

/** A run's accounts from its stored tier history (of one tier, or only those it moved). */
export function useRunAccounts(id: string, query: RunAccountsQuery) {
  return useQuery({
    queryKey: [...tieringKeys.runs, id, 'accounts', query],
    queryFn: () => unwrap(api.GET('/api/v1/tiering/runs/{id}/accounts', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (_: void, key) => unwrap(api.POST('/api/v1/tiering/runs', { headers: idempotencyKey(key) })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: tieringKeys.runs });
      // A run changes tiers, scores and histories of many accounts.
      await client.invalidateQueries({ queryKey: accountKeys.all });
    },
  });
}

export function useTierHistory(accountId: string) {
  return useQuery({
    queryKey: tieringKeys.history(accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/tier-history', { params: { path: { id: accountId } } })),
  });
}

export function useSetTierOverride(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: TierOverrideInput }) =>
      unwrap(api.PUT('/api/v1/accounts/{id}/tier-override', { params: { path: { id: accountId }, header: ifMatch(etag) }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.one(accountId) }),
  });
}

export function useClearTierOverride(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag }: { etag: string }) =>
      unwrap(api.DELETE('/api/v1/accounts/{id}/tier-override', { params: { path: { id: accountId }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.one(accountId) }),
  });
}

export type TierHistoryExportQuery = NonNullable<paths['/api/v1/tiering/history/export']['get']['parameters']['query']>;

/** The tier history across accounts (or one account's) as a file (CSV or xlsx). */
export const exportTierHistory = (query: TierHistoryExportQuery) => api.GET('/api/v1/tiering/history/export', { params: { query }, parseAs: 'blob' });
