import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type AccountProfileInput, type InteractionInput } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type ListQuery = NonNullable<paths['/api/v1/accounts']['get']['parameters']['query']>;

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: ListQuery) => ['accounts', 'list', q] as const,
  one: (id: string) => ['accounts', id] as const,
  part: (id: string, part: string) => ['accounts', id, part] as const,
};

export function useAccounts(query: ListQuery) {
  return useQuery({
    queryKey: accountKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/accounts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.one(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
  });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: accountKeys.part(id, 'team'), queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/team', { params: { path: { id } } })) });
}

export function useContacts(id: string) {
  return useQuery({ queryKey: accountKeys.part(id, 'contacts'), queryFn: () => unwrap(api.GET('/api/v1/accounts/{accountId}/contacts', { params: { path: { accountId: id } } })) });
}

export function useInteractions(id: string) {
  return useQuery({
    queryKey: accountKeys.part(id, 'interactions'),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{accountId}/interactions', { params: { path: { accountId: id }, query: { pageSize: 100 } } })),
  });
}

export function useRevenue(id: string, enabled: boolean) {
  return useQuery({
    queryKey: accountKeys.part(id, 'revenue'),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{accountId}/revenue', { params: { path: { accountId: id } } })),
  });
}

export function useLogInteraction(id: string) {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: InteractionInput, key) =>
      unwrap(api.POST('/api/v1/accounts/{accountId}/interactions', { params: { path: { accountId: id } }, body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.part(id, 'interactions') }),
  });
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: AccountProfileInput, key) => unwrap(api.POST('/api/v1/accounts', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...accountKeys.all, 'list'] }),
  });
}

export function updateAccount(id: string, etag: string, body: AccountProfileInput) {
  return unwrap(api.PUT('/api/v1/accounts/{id}', { params: { path: { id }, header: ifMatch(etag) }, body }));
}

export type AccountsExportQuery = NonNullable<paths['/api/v1/accounts/export']['get']['parameters']['query']>;

/** The accounts list as a file (CSV or xlsx) with the list's filters and sort; paging does not apply. */
export const exportAccounts = (query: AccountsExportQuery) => api.GET('/api/v1/accounts/export', { params: { query }, parseAs: 'blob' });
