import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, type Schemas } from '../../api/client';
import { useCreateMutation } from '../../shared/idempotency';
import { referenceDataKey, type ReferenceKind } from '../../shared/referenceData';

export type NewReferenceItem = Schemas['NewReferenceItem'];
export type ReferenceItemFields = Schemas['ReferenceItemFields'];

export function useCreateReferenceItem() {
  const client = useQueryClient();
  return useCreateMutation({
    create: ({ kind, body }: { kind: ReferenceKind; body: NewReferenceItem }, key) =>
      unwrap(api.POST('/api/v1/reference-data/{kind}', { body, params: { path: { kind } }, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: referenceDataKey }),
  });
}

/** Relabel, reorder, deactivate or reactivate under the version the list showed (each item carries its own). */
export function useUpdateReferenceItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, code, version, body }: { kind: ReferenceKind; code: string; version: number; body: ReferenceItemFields }) =>
      unwrap(api.PUT('/api/v1/reference-data/{kind}/{code}', { body, params: { path: { kind, code }, header: ifMatch(`"${version}"`) } })),
    onSettled: () => client.invalidateQueries({ queryKey: referenceDataKey }),
  });
}
