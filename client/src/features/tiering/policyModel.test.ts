import { describe, expect, it } from 'vitest';
import {
  breakdownRows,
  contribution,
  cutoffErrors,
  draftFromPolicy,
  draftToInput,
  hasErrors,
  sameTerms,
  simulatedCounts,
  validateDraft,
  weightSum,
} from './policyModel';
import { policyFixture, simulationFixture } from './fixtures';

describe('weights', () => {
  it('sums the weights as typed, an empty field counting as 0', () => {
    const draft = draftFromPolicy(policyFixture());
    expect(weightSum(draft.weights)).toBe(100);
    expect(weightSum({ ...draft.weights, StrategicFit: 10 })).toBe(95);
    expect(weightSum({ ...draft.weights, StrategicFit: null })).toBe(85);
  });

  it('flags a sum other than 100 and weights outside 0–100 or not whole', () => {
    const draft = draftFromPolicy(policyFixture());
    expect(hasErrors(validateDraft(draft))).toBe(false);
    const over = validateDraft({ ...draft, weights: { ...draft.weights, StrategicFit: 20 } });
    expect(over.weightSum).toEqual({ key: 'tiering.error.sum', params: { sum: 105 } });
    expect(hasErrors(over)).toBe(true);
    const bad = validateDraft({ ...draft, weights: { ...draft.weights, StrategicFit: 101, TrailingRevenue: 2.5 } });
    expect(Object.keys(bad.weights).sort()).toEqual(['StrategicFit', 'TrailingRevenue']);
  });

  it('gives criteria the policy does not list a weight of 0', () => {
    const draft = draftFromPolicy(policyFixture({ criteria: [{ criterion: 'StrategicFit', weight: 100 }] }));
    expect(draft.weights.TrailingRevenue).toBe(0);
    expect(draftToInput(draft).criteria).toHaveLength(7);
  });
});

describe('cut-offs', () => {
  it('accepts 100 ≥ Strategic > Key > Growth > 0', () => {
    expect(cutoffErrors({ strategic: 80, key: 60, growth: 40 })).toEqual({});
    expect(cutoffErrors({ strategic: 100, key: 99.5, growth: 0.5 })).toEqual({});
  });

  it('puts the error on the cut-off that is out of order', () => {
    expect(cutoffErrors({ strategic: 80, key: 80, growth: 40 })).toEqual({ key: { key: 'tiering.error.keyBelowStrategic', params: { value: 80 } } });
    expect(cutoffErrors({ strategic: 80, key: 60, growth: 65 })).toEqual({ growth: { key: 'tiering.error.growthBelowKey', params: { value: 60 } } });
    expect(cutoffErrors({ strategic: 50, key: 60, growth: 40 }).key?.key).toBe('tiering.error.keyBelowStrategic');
  });

  it('keeps them within 0–100 and requires each', () => {
    expect(cutoffErrors({ strategic: 120, key: 60, growth: 40 }).strategic?.key).toBe('tiering.error.cutoffMax');
    expect(cutoffErrors({ strategic: 80, key: 60, growth: 0 }).growth?.key).toBe('tiering.error.cutoffPositive');
    expect(cutoffErrors({ strategic: null, key: 60, growth: 40 }).strategic?.key).toBe('validation.required');
  });
});

describe('the rest of the terms', () => {
  it('mirrors the API on the margin, the cap and the service programme', () => {
    const draft = draftFromPolicy(policyFixture());
    expect(validateDraft({ ...draft, hysteresisMargin: 25 }).hysteresisMargin?.key).toBe('tiering.error.margin');
    expect(validateDraft({ ...draft, strategicCap: 0 }).strategicCap?.key).toBe('tiering.error.atLeastOne');
    const programme = { ...draft.programme, Key: { ...draft.programme.Key, firstResponseHours: 10, resolutionHours: 8, surveysPerYear: 13 } };
    expect(validateDraft({ ...draft, programme }).programme.Key).toEqual({
      resolutionHours: { key: 'tiering.error.resolutionAfterResponse' },
      surveysPerYear: { key: 'tiering.error.surveys' },
    });
  });

  it('sends the terms the API expects, and an unchanged draft has the same terms', () => {
    const policy = policyFixture();
    const input = draftToInput(draftFromPolicy(policy));
    expect(input).toEqual({
      name: policy.name,
      criteria: policy.criteria,
      cutoffs: policy.cutoffs,
      strategicCap: null,
      hysteresisMargin: 5,
      programme: policy.programme,
    });
    const draft = draftFromPolicy(policy);
    expect(sameTerms(draft, draftFromPolicy(policy))).toBe(true);
    expect(sameTerms(draft, { ...draft, name: ' Copy of Default ' })).toBe(true);
    expect(sameTerms(draft, { ...draft, strategicCap: 20 })).toBe(false);
  });
});

describe('simulation', () => {
  it('reads the would-be distribution', () => {
    expect(simulatedCounts(simulationFixture())).toEqual({ Strategic: 3, Key: 4, Growth: 2, Standard: 1 });
  });
});

describe('score breakdown', () => {
  const breakdown = [
    { criterion: 'TrailingRevenue', normalised: 39.3939, weight: 30, contribution: 11.8182 },
    { criterion: 'StrategicFit', normalised: 75, weight: 15, contribution: 11.25 },
    { criterion: 'Satisfaction', normalised: 50, weight: 15, contribution: 7.5 },
    { criterion: 'RelationshipLength', normalised: 80, weight: 0, contribution: 0 },
  ] as const;

  it('computes a contribution as normalised value × weight / 100', () => {
    expect(contribution(75, 15)).toBe(11.25);
    expect(contribution(50, 100)).toBe(50);
    expect(contribution(80, 0)).toBe(0);
    for (const b of breakdown) expect(contribution(b.normalised, b.weight)).toBeCloseTo(b.contribution, 3);
  });

  it('orders criteria by contribution, with shares of the score that add up to 100 %', () => {
    const { rows, total } = breakdownRows([...breakdown]);
    expect(rows.map((r) => r.criterion)).toEqual(['TrailingRevenue', 'StrategicFit', 'Satisfaction', 'RelationshipLength']);
    expect(total).toBeCloseTo(30.5682, 4);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(100, 6);
    expect(rows[1]!.share).toBeCloseTo((11.25 / 30.5682) * 100, 4);
    expect(rows[3]!.share).toBe(0);
  });

  it('copes with a score of zero', () => {
    const { rows, total } = breakdownRows([{ criterion: 'StrategicFit', normalised: 0, weight: 100, contribution: 0 }]);
    expect(total).toBe(0);
    expect(rows[0]!.share).toBe(0);
  });
});
