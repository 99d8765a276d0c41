import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, unwrap, type Schemas } from '../../api/client';
import { useCreateMutation } from '../../shared/idempotency';

export type JobDto = Schemas['JobDto'];
export type JobRunDto = Schemas['JobRunDto'];

const jobsKey = ['admin-jobs'] as const;

/** The scheduled jobs with their next fire time and last run; refreshed while the page is open. */
export function useJobs() {
  return useQuery({
    queryKey: jobsKey,
    queryFn: () => unwrap(api.GET('/api/v1/admin/jobs')),
    refetchInterval: 10_000,
  });
}

/** One page of a job's runs, newest first; polled while one of them is still queued or running. */
export function useJobRuns(key: string | null, page: number, pageSize = 20) {
  return useQuery({
    queryKey: [...jobsKey, key, 'runs', page, pageSize],
    queryFn: () => unwrap(api.GET('/api/v1/admin/jobs/{key}/runs', { params: { path: { key: key! }, query: { page, pageSize } } })),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((r) => !r.outcome) ? 2_000 : false),
  });
}

/** "Run now": records a manual run and fires the job (202); a double click sends the same Idempotency-Key. */
export function useStartJobRun() {
  const client = useQueryClient();
  return useCreateMutation({
    create: (key: string, idempotency) => unwrap(api.POST('/api/v1/admin/jobs/{key}/runs', { params: { path: { key } }, headers: idempotencyKey(idempotency) })),
    onSuccess: () => client.invalidateQueries({ queryKey: jobsKey }),
  });
}
