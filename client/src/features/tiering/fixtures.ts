// Test data shaped like the API's answers.
import type { SimulationDto, TierPolicyDto } from './tieringApi';

export function policyFixture(overrides: Partial<TierPolicyDto> = {}): TierPolicyDto {
  return {
    id: '01a226c2-ff76-7d3c-b2f3-6750a8a73fe7',
    number: 2,
    name: 'Copy of Default',
    status: 'Draft',
    criteria: [
      { criterion: 'TrailingRevenue', weight: 30 },
      { criterion: 'RevenueGrowth', weight: 15 },
      { criterion: 'GrossMargin', weight: 10 },
      { criterion: 'StrategicFit', weight: 15 },
      { criterion: 'PotentialValue', weight: 10 },
      { criterion: 'RelationshipLength', weight: 5 },
      { criterion: 'Satisfaction', weight: 15 },
    ],
    cutoffs: { strategic: 80, key: 60, growth: 40 },
    strategicCap: null,
    hysteresisMargin: 5,
    programme: [
      { tier: 'Strategic', contactCadenceDays: 30, developmentPlanRequired: true, surveysPerYear: 2, firstResponseHours: 4, resolutionHours: 48 },
      { tier: 'Key', contactCadenceDays: 60, developmentPlanRequired: true, surveysPerYear: 2, firstResponseHours: 8, resolutionHours: 72 },
      { tier: 'Growth', contactCadenceDays: 90, developmentPlanRequired: false, surveysPerYear: 1, firstResponseHours: 24, resolutionHours: 120 },
      { tier: 'Standard', contactCadenceDays: null, developmentPlanRequired: false, surveysPerYear: 1, firstResponseHours: 24, resolutionHours: 168 },
    ],
    createdAt: '2026-11-29T10:04:03Z',
    publishedAt: null,
    ...overrides,
  };
}

export function simulationFixture(): SimulationDto {
  return {
    counts: { Strategic: 3, Key: 4, Growth: 2, Standard: 1 },
    changed: 3,
    moves: [
      { accountId: 'a1', name: '华东精密制造有限公司', currentTier: 'Key', newTier: 'Strategic', score: 91.25, reason: 'Promoted' },
      { accountId: 'a2', name: '鼎盛食品有限公司', currentTier: 'Growth', newTier: 'Key', score: 70.5, reason: 'Promoted' },
      { accountId: 'a3', name: '中科化工有限公司', currentTier: 'Key', newTier: 'Standard', score: 20, reason: 'Demoted' },
    ],
    shifts: [
      { tier: 'Strategic', before: 2, after: 3, changePercent: 50, overLimit: true },
      { tier: 'Key', before: 5, after: 4, changePercent: -20, overLimit: false },
      { tier: 'Growth', before: 3, after: 2, changePercent: -33.3, overLimit: true },
      { tier: 'Standard', before: 0, after: 1, changePercent: null, overLimit: true },
    ],
    shiftLimitPercent: 20,
  };
}
