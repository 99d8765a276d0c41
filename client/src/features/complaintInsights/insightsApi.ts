import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';

export function useComplaintMetrics(from: string, to?: string) {
  return useQuery({
    queryKey: ['complaints', 'metrics', from, to ?? 'now'],
    queryFn: () => unwrap(api.GET('/api/v1/complaints/metrics', { params: { query: { from, to } } })),
  });
}

export function useSlaPolicy() {
  return useQuery({ queryKey: ['complaints', 'sla-policy'], queryFn: () => unwrapWithETag(api.GET('/api/v1/complaints/sla-policy')) });
}

export function useSaveSlaPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, etag }: { body: Schemas['SlaPolicyInput']; etag: string }) =>
      unwrapWithETag(api.PUT('/api/v1/complaints/sla-policy', { body, params: { header: ifMatch(etag) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['complaints', 'sla-policy'] }),
  });
}
