// Test data of the surveys pages, in the API's shapes (Beijing dates, Chinese names).
import type { AccountSatisfactionDto, SurveyCampaignDto, SurveyFollowUpDto, SurveyResultsDto, SurveyTemplateDto } from './surveysApi';

const paged = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, totalCount: items.length, nextCursor: null });
export { paged };

export function templateFixture(overrides: Partial<SurveyTemplateDto> = {}): SurveyTemplateDto {
  return {
    id: 't1',
    lineageId: 'l1',
    name: '客户关系调查',
    description: null,
    status: 'Published',
    templateVersion: 1,
    previousVersionId: null,
    publishedAt: '2026-11-01T02:00:00Z',
    publishedBy: null,
    questions: [
      {
        id: 'q-nps',
        position: 1,
        type: 'Nps',
        required: true,
        text: { zh: '您向同事或合作伙伴推荐我们的可能性有多大？', en: 'How likely is it that you would recommend us to a colleague?' },
        lowLabel: { zh: '完全不可能', en: 'Not at all likely' },
        highLabel: { zh: '非常可能', en: 'Extremely likely' },
        choices: [],
        maxLength: null,
      },
      {
        id: 'q-rating',
        position: 2,
        type: 'Rating',
        required: true,
        text: { zh: '总体而言，您对我们的产品和服务满意吗？', en: 'Overall, how satisfied are you with our products and service?' },
        lowLabel: { zh: '非常不满意', en: 'Very dissatisfied' },
        highLabel: { zh: '非常满意', en: 'Very satisfied' },
        choices: [],
        maxLength: null,
      },
      {
        id: 'q-text',
        position: 3,
        type: 'Text',
        required: false,
        text: { zh: '您最希望我们首先改进哪一方面？', en: 'What should we improve first?' },
        lowLabel: null,
        highLabel: null,
        choices: [],
        maxLength: 2000,
      },
    ],
    allowedActions: ['revise'],
    usedByCampaigns: 1,
    createdAt: '2026-11-01T01:00:00Z',
    updatedAt: '2026-11-01T02:00:00Z',
    ...overrides,
  };
}

export function campaignFixture(overrides: Partial<SurveyCampaignDto> = {}): SurveyCampaignDto {
  return {
    id: 'c1',
    name: '2027 上半年客户满意度调查',
    templateId: 't1',
    audience: { tiers: ['Strategic', 'Key'], segments: [], industries: [], regions: [], accountIds: [], buyingRoles: [] },
    perAccountCap: 3,
    opensAt: '2027-03-01T01:00:00Z',
    closesAt: '2027-03-31T10:00:00Z',
    reminderAfterDays: 5,
    recurrence: 'TwiceYearly',
    defaultLanguage: 'zh-CN',
    status: 'Open',
    openedAt: '2027-03-01T01:00:00Z',
    closedAt: null,
    invitedCount: 117,
    skippedCount: 23,
    invitations: { pending: 2, sent: 80, responded: 30, expired: 0, failed: 3, unsubscribed: 2 },
    previousCampaignId: null,
    allowedActions: ['close'],
    createdBy: 'me',
    createdAt: '2027-02-01T01:00:00Z',
    updatedAt: '2027-03-01T01:00:00Z',
    ...overrides,
  };
}

export function followUpFixture(overrides: Partial<SurveyFollowUpDto> = {}): SurveyFollowUpDto {
  return {
    id: 'f1',
    responseId: 'r1',
    campaignId: 'c1',
    accountId: 'a1',
    accountName: '华东精密制造有限公司',
    contactId: 'k1',
    contactName: '王芳',
    ownerId: 'me',
    ownerName: '李伟',
    reason: 'Detractor',
    npsAnswer: 4,
    status: 'Open',
    openedAt: '2027-03-02T02:00:00Z',
    dueAt: '2027-03-04T02:00:00Z',
    slaState: 'AtRisk',
    escalationLevel: 0,
    closedAt: null,
    closedBy: null,
    closedByName: null,
    note: null,
    updatedAt: '2027-03-02T02:00:00Z',
    ...overrides,
  };
}

export function resultsFixture(overrides: Partial<SurveyResultsDto> = {}): SurveyResultsDto {
  const nps = { respondents: 30, promoters: 15, passives: 9, detractors: 6, score: 30, marginOfError: 14.2, population: 117 };
  return {
    campaignId: 'c1',
    invited: 117,
    responded: 30,
    responseRate: 25.6,
    nps,
    weightedNps: 34,
    csat: { ratings: 30, satisfied: 21, score: 70 },
    revenueCoverage: { respondingRevenue: '42000000.00', invitedRevenue: '98000000.00', percent: 42.9 },
    questions: [
      {
        questionId: 'q-nps',
        position: 1,
        type: 'Nps',
        text: { zh: '您向同事或合作伙伴推荐我们的可能性有多大？', en: 'How likely is it that you would recommend us to a colleague?' },
        answered: 30,
        average: 7.83,
        distribution: [
          { value: '4', count: 6 },
          { value: '8', count: 9 },
          { value: '10', count: 15 },
        ],
        textAnswers: 0,
      },
      {
        questionId: 'q-text',
        position: 3,
        type: 'Text',
        text: { zh: '您最希望我们首先改进哪一方面？', en: 'What should we improve first?' },
        answered: 12,
        average: null,
        distribution: [],
        textAnswers: 12,
      },
    ],
    byTier: [{ key: 'Strategic', invited: 40, responded: 12, nps: { ...nps, respondents: 12, score: 42, marginOfError: 20.1 }, csat: 75 }],
    bySegment: [{ key: '汽车零部件', invited: 60, responded: 18, nps: { ...nps, respondents: 18, score: 22, marginOfError: 18.5 }, csat: 66 }],
    trend: [
      { campaignId: 'c0', name: '2026 下半年客户满意度调查', openedAt: '2026-09-01T01:00:00Z', closedAt: '2026-09-30T10:00:00Z', respondents: 25, nps: 20, marginOfError: 16.3, weightedNps: 25, csat: 64 },
      { campaignId: 'c1', name: '2027 上半年客户满意度调查', openedAt: '2027-03-01T01:00:00Z', closedAt: null, respondents: 30, nps: 30, marginOfError: 14.2, weightedNps: 34, csat: 70 },
    ],
    ...overrides,
  };
}

export function satisfactionFixture(overrides: Partial<AccountSatisfactionDto> = {}): AccountSatisfactionDto {
  return {
    latest: { campaignId: 'c1', campaignName: '2027 上半年客户满意度调查', nps: -33, weightedNps: -20, respondents: 3, csat: 67, measuredAt: '2027-03-20T02:00:00Z' },
    trend: [
      { campaignId: 'c0', name: '2026 下半年客户满意度调查', openedAt: '2026-09-01T01:00:00Z', nps: 0, weightedNps: 10, respondents: 2, csat: 50 },
      { campaignId: 'c1', name: '2027 上半年客户满意度调查', openedAt: '2027-03-01T01:00:00Z', nps: -33, weightedNps: -20, respondents: 3, csat: 67 },
    ],
    openFollowUps: 1,
    ...overrides,
  };
}
