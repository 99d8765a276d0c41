// TEMPORARY (phase A): the development-plan DTOs hand-written from the shared contract, until the API lands and the
// generated `src/api/schema.d.ts` has them. plansApi.ts re-exports these under the names the generated schema uses;
// nothing else imports this file, so replacing it is one file's change.
import type { Tier } from '../../api/client';

export type PlanStatus = 'Draft' | 'Submitted' | 'Approved' | 'Active' | 'Completed' | 'Cancelled' | 'Superseded';
export type PlanAction = 'submit' | 'approve' | 'reject' | 'activate' | 'complete' | 'cancel';
export type MeasureUnit = 'Currency' | 'Number' | 'Percent';
export type MeasureDirection = 'HigherIsBetter' | 'LowerIsBetter';
export type MeasureSource = 'Manual' | 'TtmRevenue' | 'RevenueGrowth' | 'GrossMarginPercent' | 'AccountNps' | 'ComplaintSlaCompliance' | 'ContactCadenceCoverage';
export type InitiativeStatus = 'NotStarted' | 'InProgress' | 'Done' | 'Blocked';
export type PlanDepartment = 'Service' | 'Quality' | 'Technical' | 'Product' | 'Logistics' | 'Sales' | 'Finance' | 'Marketing';
export type SwotQuadrant = 'Strength' | 'Weakness' | 'Opportunity' | 'Threat';
export type EvidenceKind = 'Complaint' | 'SurveyResponse' | 'RevenueTrend';
export type ChangeKind = 'Added' | 'Removed' | 'Changed' | 'Unchanged';
export type NeedsPlanReason = 'NoPlan' | 'NotApproved' | 'Expired';
/** A decimal on the wire: a string, to keep its precision (as money amounts are). */
export type Decimal = string;

export interface MoneyDto {
  amount: Decimal;
  currency: string;
}

export interface PlanSummaryDto {
  id: string;
  accountId: string;
  accountName: string;
  accountTier: Tier;
  title: string;
  ownerId: string;
  ownerName: string | null;
  status: PlanStatus;
  planVersion: number;
  startDate: string;
  endDate: string;
  progress: number | null;
  objectivesCount: number;
  initiativesTotal: number;
  initiativesDone: number;
  hasOverdueInitiatives: boolean;
  nextReviewDue: string | null;
  reviewDue: boolean;
  updatedAt: string;
}

export interface PlanListDto {
  items: PlanSummaryDto[];
  page: number;
  pageSize: number;
  totalCount: number;
}

export interface PlanObjectiveDto {
  id: string;
  title: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baseline: Decimal;
  target: Decimal;
  currency: string | null;
  source: MeasureSource;
  dueDate: string;
  actual: Decimal | null;
  actualAt: string | null;
  progress: number | null;
  expectedProgress: number | null;
  baselineTarget: Decimal | null;
}

export interface InitiativeComplaintDto {
  id: string;
  reference: string;
  subject: string;
  status: string;
}

export interface PlanInitiativeDto {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string | null;
  department: PlanDepartment;
  dueDate: string;
  status: InitiativeStatus;
  objectiveId: string | null;
  budget: MoneyDto | null;
  personDays: Decimal | null;
  completedOn: string | null;
  overdue: boolean;
  complaints: InitiativeComplaintDto[];
}

export interface MilestoneDto {
  title: string;
  dueDate: string;
  reachedOn: string | null;
}

export interface StakeholderDto {
  contactId: string;
  name: string | null;
  title: string | null;
  buyingRole: string | null;
  note: string | null;
}

export interface EvidenceDto {
  kind: EvidenceKind;
  reference: string;
}

export interface SwotItemDto {
  quadrant: SwotQuadrant;
  text: string;
  evidence: EvidenceDto | null;
}

export interface PlanDto extends PlanSummaryDto {
  valueProposition: string;
  strategicPriorities: string[];
  reviewCadenceMonths: number;
  authorId: string | null;
  authorName: string | null;
  previousVersionId: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  rejection: { comment: string; by: string | null; at: string } | null;
  cancellationReason: string | null;
  allowedActions: PlanAction[];
  canEdit: boolean;
  objectives: PlanObjectiveDto[];
  initiatives: PlanInitiativeDto[];
  milestones: MilestoneDto[];
  stakeholders: StakeholderDto[];
  swot: SwotItemDto[];
  baseline: { planVersion: number; approvedAt: string; approvedBy: string | null } | null;
}

export interface CreatePlanInput {
  accountId: string;
  title: string;
  startDate: string;
  endDate: string;
  valueProposition: string;
  strategicPriorities: string[];
  ownerId?: string | null;
  reviewCadenceMonths?: number | null;
}

export interface ObjectiveInput {
  id?: string | null;
  title: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baseline: Decimal;
  target: Decimal;
  currency?: string | null;
  source: MeasureSource;
  dueDate: string;
  actual?: Decimal | null;
}

export interface InitiativeInput {
  id?: string | null;
  title: string;
  ownerId: string;
  department: PlanDepartment;
  dueDate: string;
  status: InitiativeStatus;
  objectiveIndex?: number | null;
  budget?: MoneyDto | null;
  personDays?: Decimal | null;
}

export interface UpdatePlanInput extends CreatePlanInput {
  objectives: ObjectiveInput[];
  initiatives: InitiativeInput[];
  milestones: { title: string; dueDate: string; reachedOn?: string | null }[];
  stakeholders: { contactId: string; note?: string | null }[];
  swot: { quadrant: SwotQuadrant; text: string; evidence?: EvidenceDto | null }[];
}

export interface FieldChangeDto {
  path: string;
  before: string | null;
  after: string | null;
}

export interface ItemChangeDto {
  id: string | null;
  title: string;
  change: ChangeKind;
  before: string | null;
  after: string | null;
}

export interface PlanChangesDto {
  previousVersionId: string | null;
  previousPlanVersion: number | null;
  fields: FieldChangeDto[];
  objectives: ItemChangeDto[];
  initiatives: ItemChangeDto[];
}

export interface PlanReviewObjectiveDto {
  objectiveId: string;
  title: string;
  progress: number | null;
  actual: Decimal | null;
  expectedProgress: number | null;
  comment: string | null;
}

export interface PlanReviewDto {
  id: string;
  heldOn: string;
  by: string;
  byName: string | null;
  progress: number | null;
  objectives: PlanReviewObjectiveDto[];
  decisions: string;
  createdAt: string;
}

export interface RecordReviewInput {
  heldOn: string;
  decisions: string;
  objectives: { objectiveId: string; comment: string }[];
}

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

export interface PlanListQuery {
  accountId?: string;
  ownerId?: string;
  status?: PlanStatus[];
  needsReview?: boolean;
  overdue?: boolean;
  q?: string;
  /** updatedAt (default, newest first), endDate, progress or accountName; '-' for descending. */
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface NeedingPlanQuery {
  ownerId?: string;
  tier?: Tier;
  reason?: NeedsPlanReason;
  page?: number;
  pageSize?: number;
}

/** The few calls of the API client this feature makes, without the generated paths (phase A only). */
export interface LooseInit {
  params?: { path?: Record<string, string>; query?: object; header?: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
}
export type LooseAnswer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
export interface LooseClient {
  GET(path: string, init?: LooseInit): LooseAnswer;
  POST(path: string, init?: LooseInit): LooseAnswer;
  PUT(path: string, init?: LooseInit): LooseAnswer;
}
