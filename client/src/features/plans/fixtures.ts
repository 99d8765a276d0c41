import type { PlanDto, PlanInitiativeDto, PlanObjectiveDto, PlanSummaryDto } from './plansApi';

export function objectiveFixture(o: Partial<PlanObjectiveDto> = {}): PlanObjectiveDto {
  return {
    id: 'o1',
    title: '年销售额提升至 1200 万元',
    unit: 'Currency',
    direction: 'HigherIsBetter',
    baseline: 8000000.00,
    target: 12000000.00,
    currency: 'CNY',
    source: 'TtmRevenue',
    dueDate: '2027-12-31',
    actual: 9000000.00,
    actualAt: '2026-12-01T02:00:00+08:00',
    progress: 25,
    expectedProgress: 40,
    baselineTarget: 12000000.00,
    ...o,
  };
}

export function initiativeFixture(i: Partial<PlanInitiativeDto> = {}): PlanInitiativeDto {
  return {
    id: 'i1',
    title: '建立季度高层互访机制',
    ownerId: 'me',
    ownerName: 'Zhao Min',
    department: 'Sales',
    dueDate: '2027-03-31',
    status: 'InProgress',
    objectiveId: 'o1',
    budget: { amount: '50000.00', currency: 'CNY' },
    personDays: 12.5,
    completedOn: null,
    overdue: false,
    complaints: [],
    ...i,
  };
}

export function summaryFixture(s: Partial<PlanSummaryDto> = {}): PlanSummaryDto {
  return {
    id: 'p1',
    accountId: 'a1',
    accountName: '华东精密机械有限公司',
    accountTier: 'Key',
    title: '华东精密 2027–2029 客户发展计划',
    ownerId: 'me',
    ownerName: 'Zhao Min',
    status: 'Active',
    planVersion: 1,
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    progress: 42.5,
    objectivesCount: 2,
    initiativesTotal: 3,
    initiativesDone: 1,
    hasOverdueInitiatives: false,
    nextReviewDue: '2027-04-01',
    reviewDue: false,
    updatedAt: '2026-12-01T08:00:00Z',
    ...s,
  };
}

export function planFixture(p: Partial<PlanDto> = {}): PlanDto {
  return {
    ...summaryFixture(),
    valueProposition: '以稳定交付和联合研发帮助客户缩短新品上市周期。',
    strategicPriorities: ['扩大份额', '联合研发'],
    reviewCadenceMonths: 3,
    authorId: 'me',
    authorName: 'Zhao Min',
    previousVersionId: null,
    revisionId: null,
    submittedAt: null,
    submittedBy: null,
    approvedAt: null,
    approvedBy: null,
    rejection: null,
    cancellationReason: null,
    allowedActions: [],
    canEdit: false,
    objectives: [objectiveFixture(), objectiveFixture({ id: 'o2', title: 'Complaint SLA ≥ 95%', unit: 'Percent', source: 'Manual', baseline: 80, target: 95, currency: null, actual: null, actualAt: null, progress: null, expectedProgress: 40, baselineTarget: 90 })],
    initiatives: [initiativeFixture()],
    milestones: [{ title: '首次联合研发评审', dueDate: '2027-06-30', reachedOn: null }],
    stakeholders: [{ contactId: 'c1', name: '王强', title: '采购总监', buyingRole: 'DecisionMaker', note: null }],
    swot: [
      { quadrant: 'Strength', text: '交付准时率高', evidence: null },
      { quadrant: 'Threat', text: '竞争对手降价', evidence: { kind: 'RevenueTrend', reference: '2026-Q3' } },
    ],
    baseline: null,
    ...p,
  };
}
