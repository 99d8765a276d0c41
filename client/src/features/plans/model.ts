// The development-plan vocabulary (the contract's enums), which workflow buttons a plan shows (the server's
// allowedActions), and the plan editor's form values to and from the API's document. Nothing here decides a business
// rule: progress, overdue, review-due, which steps are allowed and whether the plan is editable come from the server.
import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '../../i18n/messages';
import type {
  CreatePlanInput,
  EvidenceKind,
  InitiativeStatus,
  MeasureDirection,
  MeasureSource,
  MeasureUnit,
  NeedsPlanReason,
  PlanAction,
  PlanDepartment,
  PlanDto,
  PlanListQuery,
  PlanStatus,
  SwotQuadrant,
  UpdatePlanInput,
} from './plansApi';

export const PLAN_STATUSES: readonly PlanStatus[] = ['Draft', 'Submitted', 'Approved', 'Active', 'Completed', 'Cancelled', 'Superseded'];
export const UNITS: readonly MeasureUnit[] = ['Currency', 'Number', 'Percent'];
export const DIRECTIONS: readonly MeasureDirection[] = ['HigherIsBetter', 'LowerIsBetter'];
export const SOURCES: readonly MeasureSource[] = ['Manual', 'TtmRevenue', 'RevenueGrowth', 'GrossMarginPercent', 'AccountNps', 'ComplaintSlaCompliance', 'ContactCadenceCoverage'];
export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = ['NotStarted', 'InProgress', 'Done', 'Blocked'];
export const PLAN_DEPARTMENTS: readonly PlanDepartment[] = ['Sales', 'Marketing', 'Service', 'Technical', 'Product', 'Quality', 'Logistics', 'Finance'];
export const QUADRANTS: readonly SwotQuadrant[] = ['Strength', 'Weakness', 'Opportunity', 'Threat'];
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['Complaint', 'SurveyResponse', 'RevenueTrend'];
export const NEEDS_PLAN_REASONS: readonly NeedsPlanReason[] = ['NoPlan', 'NotApproved', 'Expired'];

/** The list's sort as the URL keeps it (`endDate`, `-progress`: '-' for descending) and as the API takes it. */
const SORTS = ['updatedAt', 'endDate', 'progress', 'accountName'] as const;
export const DEFAULT_SORT = '-updatedAt';
export function sortQuery(urlSort: string | undefined): Pick<PlanListQuery, 'sort' | 'direction'> {
  const text = urlSort ?? DEFAULT_SORT;
  const sort = SORTS.find((s) => s === text.replace(/^-/, ''));
  return sort ? { sort, direction: text.startsWith('-') ? 'desc' : 'asc' } : { sort: 'updatedAt', direction: 'desc' };
}

/** A button of the plan's header: a workflow step, or `revise` (a new draft version); each as the server's `allowedActions` names it. */
export type PlanButtonAction = PlanAction;

/** The steps in the order of the workflow. */
const ACTION_ORDER: readonly PlanButtonAction[] = ['submit', 'approve', 'reject', 'activate', 'complete', 'revise', 'cancel'];
/** The step that moves the plan forward, when allowed, is the primary button; reject and cancel never are. */
const PRIMARY_ORDER: readonly PlanButtonAction[] = ['approve', 'submit', 'activate', 'complete'];
/** Approving and rejecting are a Director's (plans:approve); the other steps are the plan owner's side (plans:write). */
const PERMISSION: Record<PlanButtonAction, string> = {
  submit: 'plans:write',
  approve: 'plans:approve',
  reject: 'plans:approve',
  activate: 'plans:write',
  complete: 'plans:write',
  cancel: 'plans:write',
  revise: 'plans:write',
};
/** The steps that ask for a text first (required, or optional for approve) or a confirmation. */
export const ACTION_INPUT: Record<PlanButtonAction, 'confirm' | 'optionalComment' | 'requiredComment' | 'reason'> = {
  submit: 'confirm',
  approve: 'optionalComment',
  reject: 'requiredComment',
  activate: 'confirm',
  complete: 'confirm',
  cancel: 'reason',
  revise: 'confirm',
};

export interface PlanButton {
  action: PlanButtonAction;
  label: MessageKey;
  primary: boolean;
  danger: boolean;
  testId: string;
}

/**
 * The buttons for what the server allows now (its `allowedActions`, lower-case: the workflow steps, and `revise` while a
 * new version may be made), in workflow order, that the user's permissions cover. Nothing here decides which.
 */
export function planButtons(allowed: readonly string[], can: (permission: string) => boolean): PlanButton[] {
  const shown = ACTION_ORDER.filter((a) => allowed.includes(a) && can(PERMISSION[a]));
  const primary = PRIMARY_ORDER.find((a) => shown.includes(a));
  return shown.map((action) => ({
    action,
    label: `plan.action.${action}`,
    primary: action === primary,
    danger: action === 'cancel' || action === 'reject',
    testId: `plan-action-${action}`,
  }));
}

// ---- The editor's form values -------------------------------------------------------------------------------------

export interface ObjectiveValues {
  /** The row's key: the objective's id, or `new-…` for one added in this edit (initiatives link to it by this key). */
  key: string;
  id?: string | null;
  title?: string;
  unit?: MeasureUnit;
  direction?: MeasureDirection;
  baseline?: string | null;
  target?: string | null;
  currency?: string | null;
  source?: MeasureSource;
  dueDate?: Dayjs | null;
  /** Only for a Manual measure; a metric's actual is the server's and is shown read-only. */
  actual?: string | null;
}

export interface InitiativeValues {
  id?: string | null;
  title?: string;
  ownerId?: string;
  department?: PlanDepartment;
  dueDate?: Dayjs | null;
  status?: InitiativeStatus;
  /** The key of the objective it serves (see ObjectiveValues.key). */
  objectiveKey?: string | null;
  budgetAmount?: string | null;
  budgetCurrency?: string | null;
  personDays?: string | null;
}

export interface PlanFormValues {
  accountId?: string;
  title?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  valueProposition?: string;
  /** One priority per line. */
  strategicPriorities?: string;
  ownerId?: string | null;
  reviewCadenceMonths?: number | null;
  objectives?: ObjectiveValues[];
  initiatives?: InitiativeValues[];
  milestones?: { title?: string; dueDate?: Dayjs | null; reachedOn?: Dayjs | null }[];
  stakeholders?: { contactId?: string; note?: string | null }[];
  swot?: { quadrant?: SwotQuadrant; text?: string; evidenceKind?: EvidenceKind | null; evidenceReference?: string | null }[];
}

const toDate = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const fromDate = (s: string | null | undefined) => (s ? dayjs(s) : null);
/** Empty and blank inputs are absent. */
const opt = (s: string | number | null | undefined) => (s === null || s === undefined || String(s).trim() === '' ? null : String(s).trim());
/** A decimal typed in (InputNumber's string) as the API's number; empty is absent. */
const num = (s: string | number | null | undefined) => {
  const text = opt(s);
  return text === null ? null : Number(text);
};

let newKeys = 0;
/** A key for an objective row added in this edit. */
export const newObjectiveKey = () => `new-${++newKeys}`;

/** The priorities as the editor's text: one per line. */
export const prioritiesText = (list: readonly string[]) => list.join('\n');
/** The editor's text as the priorities: one per non-blank line, trimmed. */
export const prioritiesList = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A plan as the editor's form values. */
export function toFormValues(plan: PlanDto): PlanFormValues {
  return {
    accountId: plan.accountId,
    title: plan.title,
    startDate: fromDate(plan.startDate),
    endDate: fromDate(plan.endDate),
    valueProposition: plan.valueProposition,
    strategicPriorities: prioritiesText(plan.strategicPriorities),
    ownerId: plan.ownerId,
    reviewCadenceMonths: plan.reviewCadenceMonths,
    objectives: plan.objectives.map((o) => ({
      key: o.id,
      id: o.id,
      title: o.title,
      unit: o.unit,
      direction: o.direction,
      baseline: String(o.baseline),
      target: String(o.target),
      currency: o.currency,
      source: o.source,
      dueDate: fromDate(o.dueDate),
      actual: o.source === 'Manual' && o.actual !== null ? String(o.actual) : null,
    })),
    initiatives: plan.initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      ownerId: i.ownerId,
      department: i.department,
      dueDate: fromDate(i.dueDate),
      status: i.status,
      objectiveKey: i.objectiveId,
      budgetAmount: i.budget ? String(i.budget.amount) : null,
      budgetCurrency: i.budget?.currency ?? null,
      personDays: i.personDays !== null ? String(i.personDays) : null,
    })),
    milestones: plan.milestones.map((m) => ({ title: m.title, dueDate: fromDate(m.dueDate), reachedOn: fromDate(m.reachedOn) })),
    stakeholders: plan.stakeholders.map((s) => ({ contactId: s.contactId, note: s.note })),
    swot: plan.swot.map((s) => ({ quadrant: s.quadrant, text: s.text, evidenceKind: s.evidence?.kind ?? null, evidenceReference: s.evidence?.reference ?? null })),
  };
}

/** The header's form values (the new-plan page's whole form) as the create body; the PUT document starts with it. */
export function toCreateBody(v: PlanFormValues): CreatePlanInput {
  return {
    accountId: v.accountId ?? '',
    title: (v.title ?? '').trim(),
    startDate: toDate(v.startDate),
    endDate: toDate(v.endDate),
    valueProposition: (v.valueProposition ?? '').trim(),
    strategicPriorities: prioritiesList(v.strategicPriorities),
    ownerId: v.ownerId ?? null,
    reviewCadenceMonths: v.reviewCadenceMonths ?? null,
  };
}

/**
 * The editor's form values as the PUT document. An initiative names its objective by the objective's index in this
 * request (`objectiveIndex`), so that it can serve an objective added in the same edit; an objective removed in this
 * edit leaves it without one. A metric-sourced measure sends no actual (the server computes it).
 */
export function toUpdateBody(v: PlanFormValues): UpdatePlanInput & Required<Pick<UpdatePlanInput, 'objectives' | 'initiatives' | 'milestones' | 'stakeholders' | 'swot'>> {
  const objectives = v.objectives ?? [];
  return {
    ...toCreateBody(v),
    objectives: objectives.map((o) => ({
      id: o.id ?? null,
      title: (o.title ?? '').trim(),
      unit: o.unit ?? 'Number',
      direction: o.direction ?? 'HigherIsBetter',
      // The form requires both; the server says so (400 on the field) should one arrive empty.
      baseline: num(o.baseline) ?? Number.NaN,
      target: num(o.target) ?? Number.NaN,
      currency: o.unit === 'Currency' ? opt(o.currency) : null,
      source: o.source ?? 'Manual',
      dueDate: toDate(o.dueDate),
      actual: (o.source ?? 'Manual') === 'Manual' ? num(o.actual) : null,
    })),
    initiatives: (v.initiatives ?? []).map((i) => {
      const index = i.objectiveKey ? objectives.findIndex((o) => o.key === i.objectiveKey) : -1;
      const amount = opt(i.budgetAmount);
      return {
        id: i.id ?? null,
        title: (i.title ?? '').trim(),
        ownerId: i.ownerId ?? '',
        department: i.department ?? 'Sales',
        dueDate: toDate(i.dueDate),
        status: i.status ?? 'NotStarted',
        objectiveIndex: index >= 0 ? index : null,
        budget: amount ? { amount, currency: opt(i.budgetCurrency) ?? 'CNY' } : null,
        personDays: num(i.personDays),
      };
    }),
    milestones: (v.milestones ?? []).map((m) => ({ title: (m.title ?? '').trim(), dueDate: toDate(m.dueDate), reachedOn: m.reachedOn ? toDate(m.reachedOn) : null })),
    stakeholders: (v.stakeholders ?? []).map((s) => ({ contactId: s.contactId ?? '', note: opt(s.note) })),
    swot: (v.swot ?? []).map((s) => ({
      quadrant: s.quadrant ?? 'Strength',
      text: (s.text ?? '').trim(),
      evidence: s.evidenceKind && opt(s.evidenceReference) ? { kind: s.evidenceKind, reference: opt(s.evidenceReference)! } : null,
    })),
  };
}

/** Where a SWOT item's evidence leads in the app (a complaint's page, the account's revenue), if anywhere. */
export function evidenceLink(kind: EvidenceKind, reference: string, accountId: string): string | null {
  switch (kind) {
    case 'Complaint':
      // A complaint cited by its id opens; one cited by its reference (CMP-2026-000123) is shown as written.
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference) ? `/complaints/${reference}` : null;
    case 'RevenueTrend':
      return `/accounts/${accountId}`;
    case 'SurveyResponse':
      return null;
  }
}

/** A measure value (a decimal string on the wire) as a number for charts and formatting; null stays null. */
export const measureNumber = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? null : Number(value));
