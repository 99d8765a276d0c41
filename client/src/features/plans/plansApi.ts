// Development plans over the API: the list, one plan with its ETag, the whole-document save (If-Match), one POST per
// workflow step (If-Match), revise and reviews (Idempotency-Key), the small actions on a running plan (an initiative's
// status, a manual measure's actual), the diff for the approval inbox, and the accounts that need a plan.
// Every answer is the server's state: nothing here derives progress, overdue or review-due.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag } from '../../api/client';
import { useCreateMutation } from '../../shared/idempotency';
import type * as T from './types';

export type {
  AccountNeedingPlanDto,
  AccountsNeedingPlanDto,
  ChangeKind,
  CreatePlanInput,
  EvidenceKind,
  InitiativeInput,
  InitiativeStatus,
  ItemChangeDto,
  MeasureDirection,
  MeasureSource,
  MeasureUnit,
  NeedingPlanQuery,
  NeedsPlanReason,
  ObjectiveInput,
  PlanAction,
  PlanChangesDto,
  PlanDepartment,
  PlanDto,
  PlanInitiativeDto,
  PlanListQuery,
  PlanObjectiveDto,
  PlanReviewDto,
  PlanStatus,
  PlanSummaryDto,
  RecordReviewInput,
  SwotQuadrant,
  UpdatePlanInput,
} from './types';

// Phase A: the generated client does not know these paths yet.
const client = api as unknown as T.LooseClient;
const BASE = '/api/v1/development-plans';

export const planKeys = {
  all: ['plans'] as const,
  lists: ['plans', 'list'] as const,
  list: (q: T.PlanListQuery) => ['plans', 'list', q] as const,
  one: (id: string) => ['plans', id] as const,
  part: (id: string, part: string) => ['plans', id, part] as const,
  needing: (q: T.NeedingPlanQuery) => ['plans', 'needing', q] as const,
};

export type WithETag<TData> = { data: TData; etag: string };

export function usePlans(query: T.PlanListQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(query),
    queryFn: () => unwrap(client.GET(BASE, { params: { query } })) as Promise<T.PlanListDto>,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One plan with its ETag (sent back as If-Match with each change). */
export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.one(id),
    queryFn: () => unwrapWithETag(client.GET(`${BASE}/{id}`, { params: { path: { id } } })) as Promise<WithETag<T.PlanDto>>,
  });
}

/** A new draft; the same key answers with the first plan, so a double click creates one. */
export function useCreatePlan() {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: T.CreatePlanInput, key) => unwrap(client.POST(BASE, { body, headers: idempotencyKey(key) })) as Promise<T.PlanDto>,
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.lists }),
  });
}

/** The answer of a change (the plan after it, with its new ETag) replaces the cached plan; the lists are read again. */
function useSaved(id: string) {
  const qc = useQueryClient();
  return (saved: WithETag<T.PlanDto>) => {
    qc.setQueryData(planKeys.one(id), saved);
    void qc.invalidateQueries({ queryKey: planKeys.lists });
    void qc.invalidateQueries({ queryKey: ['plans', 'needing'] });
  };
}

/** Saves the whole editable document of a draft. */
export function useUpdatePlan(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: T.UpdatePlanInput }) =>
      unwrapWithETag(client.PUT(`${BASE}/{id}`, { params: { path: { id }, header: ifMatch(etag) }, body })) as Promise<WithETag<T.PlanDto>>,
    onSuccess: saved,
  });
}

/** One workflow step with its body, as each endpoint takes it. */
export type TransitionInput =
  | { action: 'submit' | 'activate' | 'complete' }
  | { action: 'approve'; body: { comment?: string | null } }
  | { action: 'reject'; body: { comment: string } }
  | { action: 'cancel'; body: { reason: string } };

export function postTransition(id: string, etag: string, step: TransitionInput) {
  const body = 'body' in step ? step.body : undefined;
  return unwrapWithETag(client.POST(`${BASE}/{id}/${step.action}`, { params: { path: { id }, header: ifMatch(etag) }, body })) as Promise<WithETag<T.PlanDto>>;
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
    create: (_: void, key) => unwrap(client.POST(`${BASE}/{id}/revise`, { params: { path: { id } }, headers: idempotencyKey(key) })) as Promise<T.PlanDto>,
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useInitiativeStatus(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, initiativeId, status, note }: { etag: string; initiativeId: string; status: T.InitiativeStatus; note?: string }) =>
      unwrapWithETag(
        client.POST(`${BASE}/{id}/initiatives/{initiativeId}/status`, { params: { path: { id, initiativeId }, header: ifMatch(etag) }, body: { status, note: note || undefined } }),
      ) as Promise<WithETag<T.PlanDto>>,
    onSuccess: saved,
  });
}

/** A manual measure's actual (metric-sourced measures get theirs from the server only). */
export function useRecordActual(id: string) {
  const saved = useSaved(id);
  return useMutation({
    mutationFn: ({ etag, objectiveId, value }: { etag: string; objectiveId: string; value: string }) =>
      unwrapWithETag(
        client.POST(`${BASE}/{id}/objectives/{objectiveId}/actual`, { params: { path: { id, objectiveId }, header: ifMatch(etag) }, body: { value } }),
      ) as Promise<WithETag<T.PlanDto>>,
    onSuccess: saved,
  });
}

/** What this version changes against the previous version's approved baseline (the approval inbox's diff). */
export function usePlanChanges(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.part(id, 'changes'),
    queryFn: () => unwrap(client.GET(`${BASE}/{id}/changes`, { params: { path: { id } } })) as Promise<T.PlanChangesDto>,
    enabled,
  });
}

export function usePlanReviews(id: string) {
  return useQuery({
    queryKey: planKeys.part(id, 'reviews'),
    queryFn: () => unwrap(client.GET(`${BASE}/{id}/reviews`, { params: { path: { id } } })) as Promise<T.PlanReviewDto[]>,
  });
}

export function useRecordReview(id: string) {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: T.RecordReviewInput, key) =>
      unwrap(client.POST(`${BASE}/{id}/reviews`, { params: { path: { id } }, body, headers: idempotencyKey(key) })) as Promise<T.PlanReviewDto>,
    // The plan's next review moved: the plan and the lists are read again with the reviews.
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useAccountsNeedingPlan(query: T.NeedingPlanQuery, enabled = true) {
  return useQuery({
    queryKey: planKeys.needing(query),
    queryFn: () => unwrap(client.GET(`${BASE}/accounts-needing-plan`, { params: { query } })) as Promise<T.AccountsNeedingPlanDto>,
    placeholderData: keepPreviousData,
    enabled,
  });
}
