// TEMPORARY: the accounts-needing-plan answer as the shared contract describes it, until that endpoint (plans-jobs)
// is in the generated src/api/schema.d.ts. plansApi.ts re-exports these; nothing else imports this file.
import type { Tier } from '../../api/client';
import type { PlanStatus } from './plansApi';

export type NeedsPlanReason = 'NoPlan' | 'NotApproved' | 'Expired';

export interface AccountNeedingPlanDto {
  accountId: string;
  accountName: string;
  tier: Tier;
  ownerId: string | null;
  ownerName: string | null;
  reason: NeedsPlanReason;
  planId: string | null;
  planStatus: PlanStatus | null;
  planEndDate: string | null;
}

export interface AccountsNeedingPlanDto {
  items: AccountNeedingPlanDto[];
  page: number;
  pageSize: number;
  totalCount: number;
}

export interface NeedingPlanQuery {
  ownerId?: string;
  tier?: Tier;
  reason?: NeedsPlanReason;
  page?: number;
  pageSize?: number;
}

/** The one call the generated client does not know yet. */
export interface LooseClient {
  GET(path: string, init?: { params?: { query?: object } }): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
