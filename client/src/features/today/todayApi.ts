// My day over the generated contract: the day (GET /workspace/today), marking a next step done (idempotent POST) and
// dismissing a reminder. Both writes refresh the day; what is due or overdue is the server's decision.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type MyDayDto = Schemas['MyDayDto'];
export type MyDayNextStepDto = Schemas['MyDayNextStepDto'];
export type DueStatus = Schemas['DueStatus'];

export const todayKeys = { all: ['today'] as const, of: (ownerId?: string) => ['today', ownerId ?? 'me'] as const };

/** The day of the caller, or of `ownerId` (a Director's view of a manager's day). */
export function useMyDay(ownerId?: string) {
  return useQuery({
    queryKey: todayKeys.of(ownerId),
    queryFn: () => unwrap(api.GET('/api/v1/workspace/today', { params: { query: ownerId ? { ownerId } : {} } })),
    refetchInterval: 5 * 60_000,
  });
}

/** Marks a next step done; a second click answers the same interaction (the server keeps the first completion). */
export function useCompleteNextStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: { accountId: string; interactionId: string }) =>
      unwrap(api.POST('/api/v1/accounts/{accountId}/interactions/{interactionId}/next-step/complete', { params: { path: step } })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: todayKeys.all }), client.invalidateQueries({ queryKey: ['reminders'] })]),
  });
}

/** Dismisses one of the caller's reminders. */
export function useDismissReminder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/reminders/{id}/dismiss', { params: { path: { id } } })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: todayKeys.all }), client.invalidateQueries({ queryKey: ['reminders'] })]),
  });
}
