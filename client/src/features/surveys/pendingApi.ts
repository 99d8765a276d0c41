// The endpoints of surveys part 2 (surveys-contract-2.md) that are not on main yet: results, the account's
// satisfaction, phone responses and the responses list. Their types are written here by hand, exactly as the contract
// names them, in openapi-typescript's shape, so that merging swaps this one file for the generated types:
// `PendingSchemas['X']` becomes `Schemas['X']` and `pendingApi` becomes `api` (the same client instance: the bearer
// token and the tests' fake API apply to it already).
import type { Client } from 'openapi-fetch';
import { api, type Schemas } from '../../api/client';

type Paged<T> = { items: T[]; page: null | number; pageSize: number; totalCount: number; nextCursor: null | string };
type LocalizedText = Schemas['LocalizedTextDto'];

export interface PendingSchemas {
  NpsDto: {
    respondents: number;
    promoters: number;
    passives: number;
    detractors: number;
    score: null | number;
    /** ± points, 1 dp. */
    marginOfError: null | number;
    population: null | number;
  };
  CsatDto: { ratings: number; satisfied: number; score: null | number };
  RevenueCoverageDto: { respondingRevenue: number | string; invitedRevenue: number | string; percent: null | number };
  DistributionDto: { value: string; count: number };
  QuestionResultDto: {
    questionId: string;
    position: number;
    type: Schemas['QuestionType'];
    text: LocalizedText;
    answered: number;
    average: null | number;
    distribution: PendingSchemas['DistributionDto'][];
    textAnswers: number;
  };
  BreakdownDto: { key: string; invited: number; responded: number; nps: PendingSchemas['NpsDto']; csat: null | number };
  TrendPointDto: {
    campaignId: string;
    name: string;
    openedAt: null | string;
    closedAt: null | string;
    respondents: number;
    nps: null | number;
    marginOfError: null | number;
    weightedNps: null | number;
    csat: null | number;
  };
  SurveyResultsDto: {
    campaignId: string;
    invited: number;
    responded: number;
    responseRate: number;
    nps: PendingSchemas['NpsDto'];
    weightedNps: null | number;
    csat: PendingSchemas['CsatDto'];
    revenueCoverage: PendingSchemas['RevenueCoverageDto'];
    questions: PendingSchemas['QuestionResultDto'][];
    byTier: PendingSchemas['BreakdownDto'][];
    bySegment: PendingSchemas['BreakdownDto'][];
    trend: PendingSchemas['TrendPointDto'][];
  };
  AccountResultDto: {
    accountId: string;
    accountName: string;
    tier: Schemas['Tier'];
    invited: number;
    responded: number;
    nps: PendingSchemas['NpsDto'];
    weightedNps: null | number;
    csat: null | number;
    revenue: number | string;
  };
  TextAnswerDto: { responseId: string; accountId: string; accountName: string; contactName: string; buyingRole: Schemas['BuyingRole']; text: string; receivedAt: string };
  AccountSatisfactionLatestDto: { campaignId: string; campaignName: string; nps: number; weightedNps: null | number; respondents: number; csat: null | number; measuredAt: string };
  AccountSatisfactionTrendDto: { campaignId: string; name: string; openedAt: null | string; nps: null | number; weightedNps: null | number; respondents: number; csat: null | number };
  AccountSatisfactionDto: { latest: PendingSchemas['AccountSatisfactionLatestDto'] | null; trend: PendingSchemas['AccountSatisfactionTrendDto'][]; openFollowUps: number };
  SurveyAnswerInput: { questionId: string; number?: null | number; choices?: null | string[]; text?: null | string };
  PhoneResponseInput: { contactId: string; answers: PendingSchemas['SurveyAnswerInput'][] };
  NpsGroup: 'Promoter' | 'Passive' | 'Detractor';
  SurveyResponseAnswerDto: { questionId: string; position: number; type: Schemas['QuestionType']; number: null | number; choices: null | string[]; text: null | string };
  SurveyResponseDto: {
    id: string;
    campaignId: string;
    campaignName: string;
    accountId: string;
    accountName: string;
    contactId: string;
    contactName: string;
    buyingRole: Schemas['BuyingRole'];
    channel: Schemas['SurveyInvitationChannel'];
    language: string;
    receivedAt: string;
    nps: null | number;
    npsGroup: PendingSchemas['NpsGroup'] | null;
    lowestRating: null | number;
    followUpId: null | string;
    answers: PendingSchemas['SurveyResponseAnswerDto'][];
  };
}

type Json<T> = { content: { 'application/json': T } };
type Get<Q, P, T> = {
  parameters: { query?: Q; header?: never; path: P; cookie?: never };
  requestBody?: never;
  responses: { 200: Json<T> };
};
type Op = { get?: unknown; post?: unknown; put?: never; delete?: never; options?: never; head?: never; patch?: never; trace?: never; parameters: { query?: never; header?: never; path?: never; cookie?: never } };
type PageQuery = { page?: number; pageSize?: number };

/** The part 2 paths, as openapi-typescript writes them. */
export interface PendingPaths {
  '/api/v1/surveys/campaigns/{id}/results': Op & { get: Get<never, { id: string }, PendingSchemas['SurveyResultsDto']> };
  '/api/v1/surveys/campaigns/{id}/results/accounts': Op & { get: Get<PageQuery, { id: string }, Paged<PendingSchemas['AccountResultDto']>> };
  '/api/v1/surveys/campaigns/{id}/results/text-answers': Op & { get: Get<PageQuery & { questionId?: string }, { id: string }, Paged<PendingSchemas['TextAnswerDto']>> };
  '/api/v1/accounts/{id}/satisfaction': Op & { get: Get<never, { id: string }, PendingSchemas['AccountSatisfactionDto']> };
  '/api/v1/surveys/campaigns/{id}/responses': Op & {
    get: Get<PageQuery & { accountId?: string; npsGroup?: PendingSchemas['NpsGroup'] }, { id: string }, Paged<PendingSchemas['SurveyResponseDto']>>;
  };
  '/api/v1/surveys/responses/{id}': Op & { get: Get<never, { id: string }, PendingSchemas['SurveyResponseDto']> };
  '/api/v1/surveys/campaigns/{id}/phone-responses': Op & {
    post: {
      parameters: { query?: never; header?: { 'Idempotency-Key'?: string }; path: { id: string }; cookie?: never };
      requestBody: Json<PendingSchemas['PhoneResponseInput']>;
      responses: { 201: Json<PendingSchemas['SurveyResponseDto']> };
    };
  };
}

/** The app's API client, typed for the part 2 paths (the same instance as `api`). */
export const pendingApi = api as unknown as Client<PendingPaths>;
