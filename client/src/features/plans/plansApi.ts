// Development plans over the API: the list, one plan with its ETag, the whole-document save (If-Match), one POST per
// workflow step (If-Match), revise and reviews (Idempotency-Key), the small actions on a running plan (an initiative's
// status, a manual measure's actual), the diff for the approval inbox, and the accounts that need a plan.
// Every answer is the server's state: nothing here derives progress, overdue or review-due.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type NeedsPlanReason = Schemas['PlanNeedReason'];
export type AccountNeedingPlanDto = Schemas['AccountNeedingPlanDto'];
export type AccountsNeedingPlanDto = Schemas['PagedResultOfAccountNeedingPlanDto'];
export type NeedingPlanQuery = NonNullable<paths['/api/v1/development-plans/accounts-needing-plan']['get']['parameters']['query']>;
export type PlanSummaryDto = Schemas['PlanSummaryDto'];
export type PlanDto = Schemas['PlanDto'];
export type PlanObjectiveDto = Schemas['PlanObjectiveDto'];
export type PlanInitiativeDto = Schemas['PlanInitiativeDto'];
export type PlanChangesDto = Schemas['PlanChangesDto'];
export type PlanObjectiveChangeDto = Schemas['PlanObjectiveChangeDto'];
export type PlanInitiativeChangeDto = Schemas['PlanInitiativeChangeDto'];
export type PlanObjectiveTermsDto = Schemas['PlanObjectiveTermsDto'];
export type PlanInitiativeTermsDto = Schemas['PlanInitiativeTermsDto'];
export type PlanReviewDto = Schemas['PlanReviewDto'];
export type CreatePlanInput = Schemas['CreatePlanInput'];
export type UpdatePlanInput = Schemas['UpdatePlanInput'];
export type RecordReviewInput = Schemas['PlanReviewInput'];
export type PlanStatus = Schemas['PlanStatus'];
export type ChangeKind = Schemas['PlanItemChange'];
export type MeasureUnit = Schemas['MeasureUnit'];
export type MeasureDirection = Schemas['MeasureDirection'];
export type MeasureSource = Schemas['MeasureSource'];
export type InitiativeStatus = Schemas['InitiativeStatus'];
export type PlanDepartment = Schemas['Department'];
export type SwotQuadrant = Schemas['SwotQuadrant'];
export type EvidenceKind = Schemas['EvidenceKind'];
/** What a plan's `allowedActions` may name (lower-case): the workflow steps, and `revise` (a new version). */
export type PlanAction = 'submit' | 'approve' | 'reject' | 'activate' | 'complete' | 'cancel' | 'revise';
export type PlanHistoryEntryDto = Schemas['PlanHistoryEntryDto'];
export type PlanHistoryKind = Schemas['PlanHistoryKind'];
export type PlanHistoryPage = Schemas['PagedResultOfPlanHistoryEntryDto'];
export type PlanListQuery = NonNullable<paths['/api/v1/development-plans']['get']['parameters']['query']>;

const BASE = '/api/v1/development-plans';

export const planKeys = {
  all: ['plans'] as const,
  lists: ['plans', 'list'] as const,
  list: (q: PlanListQuery) => ['plans', 'list', q] as const,
  one: (id: string) => ['plans', id] as const,
  part: (id: string, part: string) => ['plans', id, part] as const,
  needing: (q: NeedingPlanQuery) => ['plans', 'needing', q] as const,
};

export type WithETag<TData> = { data: TData; etag: string };

export function usePlans(query: PlanListQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(query),
    queryFn: () => unwrap(api.GET(BASE, { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The query of one plan with its ETag: usePlan's, and that of pages reading several plans at once. */
const planQuery = (id: string) => ({
  queryKey: planKeys.one(id),
  queryFn: () => unwrapWithETag(api.GET('/api/v1/development-plans/{id}', { params: { path: { id } } })),
});

/** One plan with its ETag (sent back as If-Match with each change). */
export function usePlan(id: string, enabled = true) {
  return useQuery({ ...planQuery(id), enabled });
}

/** Several plans at once (an account's current plans, for their initiatives), in the order of `ids`. */
export function usePlanDocuments(ids: readonly string[]) {
  return useQueries({ queries: ids.map(planQuery) });
}

/** A new draft; the same key answers with the first plan, so a double click creates one. */
export function useCreatePlan() {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: CreatePlanInput, key) => unwrap(api.POST(BASE, { body, params: { header: idempotencyKey(key) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.lists }),
  });
}

/** The answer of a change (the plan after it, with its new ETag) replaces the cached plan; the lists are read again. */
function useSaved(id: string) {
  const qc = useQueryClient();
  return (saved: WithETag<PlanDto>) => {
    qc.setQueryData(planKeys.one(id), saved);
    void qc.invalidateQueries({ queryKey: planKeys.part(id, 'history') });
    void qc.invalidateQueries({ queryKey: planKeys.lists });
    void qc.invalidateQueries({ queryKey: ['plans', 'needing'] });
  };
}

/** Saves the whole editable document of a draft. */
export function useUpdatePlan(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: UpdatePlanInput }) => unwrapWithETag(api.PUT('/api/v1/development-plans/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: saved,
  });
}

/** One workflow step with its body, as each endpoint takes it (approve an optional comment; submit, activate, complete none). */
export type TransitionInput =
  | { action: 'submit' | 'activate' | 'complete' }
  | { action: 'approve'; body?: Schemas['ApprovePlanInput'] }
  | { action: 'reject'; body: Schemas['RejectPlanInput'] }
  | { action: 'cancel'; body: Schemas['CancelPlanInput'] };

export function postTransition(id: string, etag: string, step: TransitionInput): Promise<WithETag<PlanDto>> {
  const params = { path: { id }, header: ifMatch(etag) };
  switch (step.action) {
    case 'submit':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/submit', { params }));
    case 'approve':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/approve', { params, body: step.body }));
    case 'activate':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/activate', { params }));
    case 'complete':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/complete', { params }));
    case 'reject':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/reject', { params, body: step.body }));
    case 'cancel':
      return unwrapWithETag(api.POST('/api/v1/development-plans/{id}/cancel', { params, body: step.body }));
  }
}

export function usePlanTransition(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, step }: { etag: string; step: TransitionInput }) => postTransition(id, etag, step),
    onSuccess: saved,
  });
}

/** A new draft version of an approved or active plan (Idempotency-Key: a double click makes one version). */
export function useRevisePlan(id: string) {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (_: void, key) => unwrap(api.POST('/api/v1/development-plans/{id}/revise', { params: { path: { id }, header: idempotencyKey(key) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/** A page of the plan's history, newest first (each change of the plan reads it again: see useSaved). */
export function usePlanHistory(id: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...planKeys.part(id, 'history'), page, pageSize],
    queryFn: () => unwrap(api.GET('/api/v1/development-plans/{id}/history', { params: { path: { id }, query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useInitiativeStatus(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, initiativeId, status, note }: { etag: string; initiativeId: string; status: InitiativeStatus; note?: string }) =>
      unwrapWithETag(
        api.POST('/api/v1/development-plans/{id}/initiatives/{initiativeId}/status', { params: { path: { id, initiativeId }, header: ifMatch(etag) }, body: { status, note: note?.trim() || null } }),
      ),
    onSuccess: saved,
  });
}

/** A manual measure's actual (metric-sourced measures get theirs from the server only). */
export function useRecordActual(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, objectiveId, value }: { etag: string; objectiveId: string; value: number }) =>
      unwrapWithETag(api.POST('/api/v1/development-plans/{id}/objectives/{objectiveId}/actual', { params: { path: { id, objectiveId }, header: ifMatch(etag) }, body: { value } })),
    onSuccess: saved,
  });
}

/** What this version changes against the previous version's approved baseline (the approval inbox's diff). */
export function usePlanChanges(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.part(id, 'changes'),
    queryFn: () => unwrap(api.GET('/api/v1/development-plans/{id}/changes', { params: { path: { id } } })),
    enabled,
  });
}

export function usePlanReviews(id: string) {
  return useQuery({
    queryKey: planKeys.part(id, 'reviews'),
    queryFn: () => unwrap(api.GET('/api/v1/development-plans/{id}/reviews', { params: { path: { id } } })),
  });
}

export function useRecordReview(id: string) {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: RecordReviewInput, key) => unwrap(api.POST('/api/v1/development-plans/{id}/reviews', { params: { path: { id }, header: idempotencyKey(key) }, body })),
    // The plan's next review moved: the plan and the lists are read again with the reviews.
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useAccountsNeedingPlan(query: NeedingPlanQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.needing(query),
    queryFn: () => unwrap(api.GET('/api/v1/development-plans/accounts-needing-plan', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
