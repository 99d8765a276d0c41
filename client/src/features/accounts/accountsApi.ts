import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type AccountDto, type AccountProfileInput, type InteractionInput, type Schemas } from '../../api/client';
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

export function useAccount(id: string, enabled = true) {
  return useQuery({
    queryKey: accountKeys.one(id),
    enabled,
    queryFn: () => unwrapWithETag(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
  });
}

/**
 * The account as the page read it, for the ETag its changes send as If-Match: a part of the page (a dialog) that opens
 * later does not read the account again, or a change made meanwhile by someone else would go unnoticed.
 */
export function useAccountVersion(id: string) {
  return useQuery({
    queryKey: accountKeys.one(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
    refetchOnMount: false,
    refetchOnWindowFocus: false,
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

/** How many open complaints the account has (the server's "open": one row read, its total used). */
export function useOpenComplaintCount(accountId: string, enabled: boolean) {
  const query = { accountId, openOnly: true, page: 1, pageSize: 1 };
  return useQuery({
    // Under the complaints' list key: whatever refreshes the complaint lists refreshes this count.
    queryKey: ['complaints', 'list', query],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/complaints', { params: { query } })),
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

export type ContactInput = Schemas['ContactInput'];
export type AccountTeamMemberInput = Schemas['AccountTeamMemberInput'];
export type AccountTeamRole = Schemas['AccountTeamRole'];

/** The account and its parts after a change to any of them: the account's version (its ETag) moved with it. */
function useRefreshAccount(id: string) {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: accountKeys.one(id), exact: true }), client.invalidateQueries({ queryKey: accountKeys.part(id, 'contacts') }), client.invalidateQueries({ queryKey: accountKeys.part(id, 'team') })]);
}

/** Adds a contact; the same key answers with the first contact, so a double click adds one. */
export function useAddContact(accountId: string) {
  const refresh = useRefreshAccount(accountId);
  return useCreateMutation({
    create: (body: ContactInput, key) => unwrap(api.POST('/api/v1/accounts/{accountId}/contacts', { params: { path: { accountId } }, body, headers: idempotencyKey(key) })),
    onSuccess: refresh,
  });
}

/** Changes a contact against the account's version the user read (contacts are part of the account): 412 when stale. */
export function useUpdateContact(accountId: string) {
  const refresh = useRefreshAccount(accountId);
  return useMutation({
    mutationFn: ({ contactId, body, etag }: { contactId: string; body: ContactInput; etag: string }) =>
      unwrap(api.PUT('/api/v1/accounts/{accountId}/contacts/{contactId}', { params: { path: { accountId, contactId }, header: ifMatch(etag) }, body })),
    onSuccess: refresh,
  });
}

export function useRemoveContact(accountId: string) {
  const refresh = useRefreshAccount(accountId);
  return useMutation({
    mutationFn: ({ contactId, etag }: { contactId: string; etag: string }) =>
      unwrap(api.DELETE('/api/v1/accounts/{accountId}/contacts/{contactId}', { params: { path: { accountId, contactId }, header: ifMatch(etag) } })),
    onSuccess: refresh,
  });
}

/** Replaces the team's members (the owner or a director; the server says 403 to anyone else). */
export function useReplaceTeam(accountId: string) {
  const refresh = useRefreshAccount(accountId);
  return useMutation({
    mutationFn: ({ members, etag }: { members: AccountTeamMemberInput[]; etag: string }) =>
      unwrap(api.PUT('/api/v1/accounts/{id}/team', { params: { path: { id: accountId }, header: ifMatch(etag) }, body: members })),
    onSuccess: refresh,
  });
}

/** The profile as it is, for a change of one part of it (the owner). */
export function profileOf(a: AccountDto, ownerId: string): AccountProfileInput {
  return {
    name: a.name,
    registrationNumber: a.registrationNumber,
    industry: a.industry,
    region: a.region,
    segment: a.segment,
    status: a.status,
    strategicFit: a.strategicFit ?? null,
    potentialAnnualRevenue: a.potentialAnnualRevenue ?? undefined,
    firstContractDate: a.firstContractDate ?? null,
    ownerId,
  };
}

/** Hands the account to another owner (a director; the server says 403 to anyone else). */
export function useChangeOwner(account: AccountDto) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ownerId, etag }: { ownerId: string; etag: string }) => updateAccount(account.id, etag, profileOf(account, ownerId)),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
