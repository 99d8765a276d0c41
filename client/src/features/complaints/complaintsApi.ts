// Complaints over the generated contract: the queue, intake and comments (creates, with an Idempotency-Key), the
// detail with its ETag, one POST per workflow step (with that ETag as If-Match).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type ComplaintDto = Schemas['ComplaintDto'];
export type ComplaintSummaryDto = Schemas['ComplaintSummaryDto'];
export type ComplaintTimelineEntryDto = Schemas['ComplaintTimelineEntryDto'];
export type ComplaintIntakeInput = Schemas['ComplaintIntakeInput'];
export type ComplaintStatus = Schemas['ComplaintStatus'];
export type ComplaintAction = Schemas['ComplaintAction'];
export type ComplaintCategory = Schemas['ComplaintCategory'];
export type ComplaintChannel = Schemas['ComplaintChannel'];
export type Severity = Schemas['Severity'];
export type SlaState = Schemas['SlaState'];
export type Department = Schemas['Department'];
export type RootCause = Schemas['RootCause'];
export type TimelineKind = Schemas['TimelineKind'];
export type TimelineArgsDto = Schemas['TimelineArgsDto'];
export type SlaClockDto = Schemas['SlaClockDto'];
export type SlaClockKind = Schemas['SlaClockKind'];
export type ComplaintListQuery = NonNullable<paths['/api/v1/complaints']['get']['parameters']['query']>;

/** One workflow step with its body, as each endpoint takes it. */
export type StepInput =
  | { action: 'Acknowledge'; body: Schemas['AcknowledgeInput'] }
  | { action: 'Assign'; body: Schemas['AssignInput'] }
  | { action: 'AwaitCustomer' | 'Resume' | 'Close'; body: Schemas['NoteInput'] }
  | { action: 'Resolve'; body: Schemas['ResolveInput'] }
  | { action: 'Reopen'; body: Schemas['ReopenInput'] };

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (q: ComplaintListQuery) => ['complaints', 'list', q] as const,
  one: (id: string) => ['complaints', id] as const,
};

/** The queue; refreshed every minute, as the escalation scan moves complaints to at risk and breached. */
export function useComplaints(query: ComplaintListQuery) {
  return useQuery({
    queryKey: complaintKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/complaints', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** One complaint with its ETag (sent back as If-Match with each step). */
export function useComplaint(id: string) {
  return useQuery({
    queryKey: complaintKeys.one(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })),
    refetchInterval: 60_000,
  });
}

/** Files a complaint; the same key answers with the first complaint, so a double click or a retry files once. */
export function useFileComplaint() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (body: ComplaintIntakeInput, key) => unwrap(api.POST('/api/v1/complaints', { body, headers: idempotencyKey(key) })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...complaintKeys.all, 'list'] }),
  });
}

/** One step, sent with the complaint's ETag: the API refuses it (412) when someone changed the complaint meanwhile. */
export function postStep(id: string, etag: string, step: StepInput) {
  const init = { params: { path: { id }, header: ifMatch(etag) } };
  switch (step.action) {
    case 'Acknowledge':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/acknowledge', { ...init, body: step.body }));
    case 'Assign':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/assign', { ...init, body: step.body }));
    case 'AwaitCustomer':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/await-customer', { ...init, body: step.body }));
    case 'Resume':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/resume', { ...init, body: step.body }));
    case 'Resolve':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/resolve', { ...init, body: step.body }));
    case 'Close':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/close', { ...init, body: step.body }));
    case 'Reopen':
      return unwrapWithETag(api.POST('/api/v1/complaints/{id}/reopen', { ...init, body: step.body }));
  }
}

/** One step of the workflow; the answer (the complaint after the step, with its new ETag) replaces the cached one. */
export function useComplaintStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, step }: { etag: string; step: StepInput }) => postStep(id, etag, step),
    onSuccess: (saved) => {
      client.setQueryData(complaintKeys.one(id), saved);
      return client.invalidateQueries({ queryKey: [...complaintKeys.all, 'list'] });
    },
  });
}

/**
 * Links the complaint's corrective action to a plan initiative (null unlinks), with the complaint's ETag: the answer
 * replaces the cached complaint, and the plans are read again (the initiative lists its complaints).
 */
export function useLinkInitiative(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, initiativeId }: { etag: string; initiativeId: string | null }) =>
      unwrapWithETag(api.PUT('/api/v1/complaints/{id}/initiative', { params: { path: { id }, header: ifMatch(etag) }, body: { initiativeId } })),
    onSuccess: (saved) => {
      client.setQueryData(complaintKeys.one(id), saved);
      void client.invalidateQueries({ queryKey: ['plans'] });
      return client.invalidateQueries({ queryKey: [...complaintKeys.all, 'list'] });
    },
  });
}

export function useAddComment(id: string) {
  const client = useQueryClient();
  return useCreateMutation({
    create: (text: string, key) => unwrap(api.POST('/api/v1/complaints/{id}/comments', { params: { path: { id } }, body: { text }, headers: idempotencyKey(key) })),
    // The comment is on the timeline and the complaint has a new version: read both again.
    onSuccess: () => client.invalidateQueries({ queryKey: complaintKeys.one(id) }),
  });
}

export type ComplaintsExportQuery = NonNullable<paths['/api/v1/complaints/export']['get']['parameters']['query']>;

/** The queue as a file (CSV or xlsx) with the queue's filters; paging does not apply. */
export const exportComplaints = (query: ComplaintsExportQuery) => api.GET('/api/v1/complaints/export', { params: { query }, parseAs: 'blob' });
