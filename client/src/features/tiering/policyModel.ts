// The policy editor's logic as plain functions: the editable draft, its checks (mirroring the API's validator and
// the domain's rules), the live weight sum, and the arithmetic behind simulations and score breakdowns.
import type { Tier } from '../../api/client';
import { TIERS } from '../../shared/tiers';
import type { MessageKey } from '../../i18n/messages';
import type { CriterionScoreDto, SimulationDto, TierPolicyDto, TierPolicyInput } from './tieringApi';
import type { Criterion } from './tieringApi';

export const CRITERIA: readonly Criterion[] = ['TrailingRevenue', 'RevenueGrowth', 'GrossMargin', 'StrategicFit', 'PotentialValue', 'RelationshipLength', 'Satisfaction'];

/** A number field as typed: null while empty. */
type Num = number | null;

export interface ServiceLevelDraft {
  contactCadenceDays: Num;
  developmentPlanRequired: boolean;
  surveysPerYear: Num;
  firstResponseHours: Num;
  resolutionHours: Num;
}

export interface PolicyDraft {
  name: string;
  weights: Record<Criterion, Num>;
  cutoffs: { strategic: Num; key: Num; growth: Num };
  strategicCap: Num;
  hysteresisMargin: Num;
  programme: Record<Tier, ServiceLevelDraft>;
}

/** A message to show, as a catalogue key with its parameters. */
export interface Msg {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type ProgrammeField = Exclude<keyof ServiceLevelDraft, 'developmentPlanRequired'>;

export interface DraftErrors {
  name?: Msg;
  weights: Partial<Record<Criterion, Msg>>;
  weightSum?: Msg;
  cutoffs: { strategic?: Msg; key?: Msg; growth?: Msg };
  strategicCap?: Msg;
  hysteresisMargin?: Msg;
  programme: Partial<Record<Tier, Partial<Record<ProgrammeField, Msg>>>>;
}

type PolicyTerms = Pick<TierPolicyDto, 'name' | 'criteria' | 'cutoffs' | 'strategicCap' | 'hysteresisMargin' | 'programme'>;

/** The editable draft of a policy version. Criteria the policy does not list get weight 0. */
export function draftFromPolicy(policy: PolicyTerms): PolicyDraft {
  const weights = Object.fromEntries(CRITERIA.map((c) => [c, policy.criteria.find((x) => x.criterion === c)?.weight ?? 0])) as Record<Criterion, Num>;
  const programme = Object.fromEntries(
    TIERS.map((tier) => {
      const row = policy.programme.find((p) => p.tier === tier);
      return [
        tier,
        {
          contactCadenceDays: row?.contactCadenceDays ?? null,
          developmentPlanRequired: row?.developmentPlanRequired ?? false,
          surveysPerYear: row?.surveysPerYear ?? null,
          firstResponseHours: row?.firstResponseHours ?? null,
          resolutionHours: row?.resolutionHours ?? null,
        },
      ];
    }),
  ) as Record<Tier, ServiceLevelDraft>;
  return {
    name: policy.name,
    weights,
    cutoffs: { strategic: policy.cutoffs.strategic, key: policy.cutoffs.key, growth: policy.cutoffs.growth },
    strategicCap: policy.strategicCap ?? null,
    hysteresisMargin: policy.hysteresisMargin,
    programme,
  };
}

/** The terms as the API takes them (only call with a draft that has no errors). */
export function draftToInput(draft: PolicyDraft): TierPolicyInput {
  return {
    name: draft.name.trim(),
    criteria: CRITERIA.map((criterion) => ({ criterion, weight: draft.weights[criterion] ?? 0 })),
    cutoffs: { strategic: draft.cutoffs.strategic ?? 0, key: draft.cutoffs.key ?? 0, growth: draft.cutoffs.growth ?? 0 },
    strategicCap: draft.strategicCap,
    hysteresisMargin: draft.hysteresisMargin ?? 0,
    programme: TIERS.map((tier) => {
      const row = draft.programme[tier];
      return {
        tier,
        contactCadenceDays: row.contactCadenceDays,
        developmentPlanRequired: row.developmentPlanRequired,
        surveysPerYear: row.surveysPerYear ?? 0,
        firstResponseHours: row.firstResponseHours ?? 0,
        resolutionHours: row.resolutionHours ?? 0,
      };
    }),
  };
}

/** The live sum of the weights (an empty field counts as 0). */
export function weightSum(weights: Record<Criterion, Num>): number {
  return CRITERIA.reduce((sum, c) => sum + (weights[c] ?? 0), 0);
}

const isWhole = (n: number) => Number.isInteger(n);

/** Cut-offs must descend within 0–100: 100 ≥ Strategic > Key > Growth > 0. The error sits on the field out of order. */
export function cutoffErrors(cutoffs: PolicyDraft['cutoffs']): DraftErrors['cutoffs'] {
  const errors: DraftErrors['cutoffs'] = {};
  const { strategic, key, growth } = cutoffs;
  if (strategic === null) errors.strategic = { key: 'validation.required' };
  else if (strategic > 100) errors.strategic = { key: 'tiering.error.cutoffMax' };
  else if (strategic <= 0) errors.strategic = { key: 'tiering.error.cutoffPositive' };
  if (key === null) errors.key = { key: 'validation.required' };
  else if (strategic !== null && key >= strategic) errors.key = { key: 'tiering.error.keyBelowStrategic', params: { value: strategic } };
  else if (key <= 0) errors.key = { key: 'tiering.error.cutoffPositive' };
  if (growth === null) errors.growth = { key: 'validation.required' };
  else if (key !== null && growth >= key) errors.growth = { key: 'tiering.error.growthBelowKey', params: { value: key } };
  else if (growth <= 0) errors.growth = { key: 'tiering.error.cutoffPositive' };
  return errors;
}

function serviceLevelErrors(row: ServiceLevelDraft): Partial<Record<ProgrammeField, Msg>> {
  const errors: Partial<Record<ProgrammeField, Msg>> = {};
  if (row.contactCadenceDays !== null && (row.contactCadenceDays < 1 || !isWhole(row.contactCadenceDays))) errors.contactCadenceDays = { key: 'tiering.error.atLeastOne' };
  if (row.surveysPerYear === null) errors.surveysPerYear = { key: 'validation.required' };
  else if (row.surveysPerYear < 0 || row.surveysPerYear > 12 || !isWhole(row.surveysPerYear)) errors.surveysPerYear = { key: 'tiering.error.surveys' };
  if (row.firstResponseHours === null) errors.firstResponseHours = { key: 'validation.required' };
  else if (row.firstResponseHours < 1 || !isWhole(row.firstResponseHours)) errors.firstResponseHours = { key: 'tiering.error.atLeastOne' };
  if (row.resolutionHours === null) errors.resolutionHours = { key: 'validation.required' };
  else if (!isWhole(row.resolutionHours) || (row.firstResponseHours !== null && row.resolutionHours < row.firstResponseHours)) errors.resolutionHours = { key: 'tiering.error.resolutionAfterResponse' };
  return errors;
}

/** The service programme's checks, per tier and field (only the tiers with errors are present). */
export function programmeErrors(programme: PolicyDraft['programme']): DraftErrors['programme'] {
  const errors: DraftErrors['programme'] = {};
  for (const tier of TIERS) {
    const rowErrors = serviceLevelErrors(programme[tier]);
    if (Object.keys(rowErrors).length) errors[tier] = rowErrors;
  }
  return errors;
}

export function validateDraft(draft: PolicyDraft): DraftErrors {
  const errors: DraftErrors = { weights: {}, cutoffs: cutoffErrors(draft.cutoffs), programme: programmeErrors(draft.programme) };
  const name = draft.name.trim();
  if (!name) errors.name = { key: 'validation.required' };
  else if (name.length > 200) errors.name = { key: 'validation.max', params: { max: 200 } };
  for (const c of CRITERIA) {
    const w = draft.weights[c];
    if (w !== null && (w < 0 || w > 100 || !isWhole(w))) errors.weights[c] = { key: 'tiering.error.weight' };
  }
  const sum = weightSum(draft.weights);
  if (sum !== 100) errors.weightSum = { key: 'tiering.error.sum', params: { sum } };
  if (draft.strategicCap !== null && (draft.strategicCap < 1 || !isWhole(draft.strategicCap))) errors.strategicCap = { key: 'tiering.error.atLeastOne' };
  if (draft.hysteresisMargin === null) errors.hysteresisMargin = { key: 'validation.required' };
  else if (draft.hysteresisMargin < 0 || draft.hysteresisMargin > 20) errors.hysteresisMargin = { key: 'tiering.error.margin' };
  return errors;
}

export function hasErrors(errors: DraftErrors): boolean {
  return Boolean(
    errors.name ||
      errors.weightSum ||
      errors.strategicCap ||
      errors.hysteresisMargin ||
      Object.keys(errors.weights).length ||
      Object.keys(errors.cutoffs).length ||
      Object.keys(errors.programme).length,
  );
}

/** Whether two drafts would send the same terms. */
export function sameTerms(a: PolicyDraft, b: PolicyDraft): boolean {
  return JSON.stringify(draftToInput(a)) === JSON.stringify(draftToInput(b));
}

export type TierCounts = Record<Tier, number>;

/** The would-be distribution of a simulation, with every tier present. */
export function simulatedCounts(sim: SimulationDto): TierCounts {
  return Object.fromEntries(TIERS.map((t) => [t, sim.counts[t] ?? 0])) as TierCounts;
}

export interface BreakdownRow {
  criterion: Criterion;
  /** The account's value on this criterion, 0–100. */
  normalised: number;
  weight: number;
  /** Points this criterion adds to the score: normalised × weight / 100. */
  contribution: number;
  /** Share of the score, 0–100 %. */
  share: number;
}

/**
 * "Why this tier": each criterion's contribution to the score (normalised × weight / 100, the API's own figure when
 * given), its share of the total, largest first. The contributions add up to the score.
 */
export function breakdownRows(breakdown: readonly CriterionScoreDto[]): { rows: BreakdownRow[]; total: number } {
  const withContribution = breakdown.map((b) => ({
    criterion: b.criterion,
    normalised: b.normalised,
    weight: b.weight,
    contribution: Number.isFinite(b.contribution) ? b.contribution : (b.normalised * b.weight) / 100,
  }));
  const total = withContribution.reduce((sum, b) => sum + b.contribution, 0);
  const rows = withContribution
    .map((b) => ({ ...b, share: total > 0 ? (b.contribution / total) * 100 : 0 }))
    .sort((a, b) => b.contribution - a.contribution || b.weight - a.weight || CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion));
  return { rows, total };
}

/** The contribution of one criterion: normalised value (0–100) × weight (%) / 100. */
export function contribution(normalised: number, weight: number): number {
  return (normalised * weight) / 100;
}

/** Rounds a score for display: at most two decimals, no trailing zeros. */
export function roundScore(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
