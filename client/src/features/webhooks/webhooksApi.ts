import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type WebhookEndpointDto = Schemas['WebhookEndpointDto'];
export type WebhookEndpointInput = Schemas['WebhookEndpointInput'];
export type WebhookDeliveryDto = Schemas['WebhookDeliveryDto'];
export type WebhookDeliveryStatus = Schemas['WebhookDeliveryStatus'];
export type DeliveriesQuery = NonNullable<paths['/api/v1/webhooks/endpoints/{id}/deliveries']['get']['parameters']['query']>;

const keys = {
  all: ['webhooks'] as const,
  endpoint: (id: string) => ['webhooks', 'endpoints', id] as const,
  deliveries: (id: string) => ['webhooks', 'endpoints', id, 'deliveries'] as const,
};

export function useWebhookEndpoints() {
  return useQuery({ queryKey: [...keys.all, 'endpoints'], queryFn: () => unwrap(api.GET('/api/v1/webhooks/endpoints')) });
}

export function useEventTypes() {
  return useQuery({ queryKey: [...keys.all, 'event-types'], queryFn: () => unwrap(api.GET('/api/v1/webhooks/event-types')), staleTime: Infinity });
}

export function useWebhookEndpoint(id: string) {
  return useQuery({
    queryKey: keys.endpoint(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/webhooks/endpoints/{id}', { params: { path: { id } } })),
  });
}

export function useDeliveries(id: string, query: DeliveriesQuery) {
  return useQuery({
    queryKey: [...keys.deliveries(id), query],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

/** Creates an endpoint; the answer carries its secret, shown once. */
export function useCreateEndpoint() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: WebhookEndpointInput, key) => unwrap(api.POST('/api/v1/webhooks/endpoints', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Changes an endpoint under its ETag (412 when someone changed it meanwhile). */
export function useUpdateEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: WebhookEndpointInput; etag: string }) =>
      unwrapWithETag(api.PUT('/api/v1/webhooks/endpoints/{id}', { body, params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) => unwrap(api.DELETE('/api/v1/webhooks/endpoints/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRotateSecret(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (etag: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', { params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useSendTest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/test', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.deliveries(id) }),
  });
}

export function useRecover(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (since: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/recover', { params: { path: { id } }, body: { since } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.deliveries(id) }),
  });
}

export function useReplay(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => unwrap(api.POST('/api/v1/webhooks/deliveries/{id}/replay', { params: { path: { id: deliveryId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.deliveries(endpointId) }),
  });
}
