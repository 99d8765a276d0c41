import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, type Schemas } from '../../api/client';
import { useCreateMutation } from '../../shared/idempotency';

export type ApiClientDto = Schemas['ApiClientDto'];
export type ApiClientSecretDto = Schemas['ApiClientSecretDto'];
export type CreateApiClientInput = Schemas['CreateApiClientInput'];

const keys = { all: ['api-clients'] as const };

/** The permission strings a client may hold as scopes (the API's role table; an Admin may grant any). */
export const SCOPES = [
  'accounts:read', 'accounts:write', 'accounts:delete', 'revenue:read', 'revenue:write', 'reminders:read', 'tiering:read', 'tiering:manage',
  'complaints:read', 'complaints:write', 'complaints:manage', 'webhooks:manage', 'apiclients:manage',
] as const;

export function useApiClients() {
  return useQuery({ queryKey: keys.all, queryFn: () => unwrap(api.GET('/api/v1/api-clients')) });
}

/** Creates a client; the answer carries its secret, shown once. */
export function useCreateApiClient() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: CreateApiClientInput, key) => unwrap(api.POST('/api/v1/api-clients', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A new secret under the client's version (412 when someone changed it meanwhile); the previous one works for the overlap. */
export function useRotateApiClientSecret() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, overlapHours }: { id: string; version: number; overlapHours: number }) =>
      unwrap(api.POST('/api/v1/api-clients/{id}/rotate-secret', { params: { path: { id }, header: ifMatch(`"${version}"`) }, body: { overlapHours } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRevokeApiClient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/api-clients/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
