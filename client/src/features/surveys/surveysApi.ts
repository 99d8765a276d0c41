// Satisfaction surveys over the API: templates (list, one with its ETag, create and revise with Idempotency-Key, save
// and publish with If-Match), campaigns (list, one, create, the audience preview, the transitions with If-Match, the
// invitations and skips), follow-ups, results, the account's satisfaction, the responses and phone recording. Every figure shown is the server's: nothing here computes a score.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap, unwrapWithETag, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { useCreateMutation } from '../../shared/idempotency';

export type SurveyTemplateDto = Schemas['SurveyTemplateDto'];
export type SurveyTemplateInput = Schemas['SurveyTemplateInput'];
export type SurveyQuestionDto = Schemas['SurveyQuestionDto'];
export type SurveyQuestionInput = Schemas['SurveyQuestionInput'];
export type SurveyTemplateStatus = Schemas['SurveyTemplateStatus'];
export type QuestionType = Schemas['QuestionType'];
export type LocalizedText = Schemas['LocalizedTextDto'];
export type SurveyCampaignDto = Schemas['SurveyCampaignDto'];
export type SurveyCampaignSummaryDto = Schemas['SurveyCampaignSummaryDto'];
export type SurveyCampaignInput = Schemas['SurveyCampaignInput'];
export type SurveyCampaignStatus = Schemas['SurveyCampaignStatus'];
export type AudienceInput = Schemas['AudienceInput'];
export type AudiencePreviewDto = Schemas['AudiencePreviewDto'];
export type SurveyInvitationDto = Schemas['SurveyInvitationDto'];
export type SurveyInvitationStatus = Schemas['SurveyInvitationStatus'];
export type SurveySkipDto = Schemas['SurveySkipDto'];
export type SkipReason = Schemas['SkipReason'];
export type SurveyRecurrence = Schemas['SurveyRecurrence'];
export type SurveyFollowUpDto = Schemas['SurveyFollowUpDto'];
export type FollowUpStatus = Schemas['FollowUpStatus'];
export type SlaState = Schemas['SlaState'];
export type BuyingRole = Schemas['BuyingRole'];
export type CampaignListQuery = NonNullable<paths['/api/v1/surveys/campaigns']['get']['parameters']['query']>;
export type TemplateListQuery = NonNullable<paths['/api/v1/surveys/templates']['get']['parameters']['query']>;
export type FollowUpListQuery = NonNullable<paths['/api/v1/surveys/follow-ups']['get']['parameters']['query']>;
export type SurveyResultsDto = Schemas['SurveyResultsDto'];
export type NpsDto = Schemas['NpsDto'];
export type BreakdownDto = Schemas['SurveyBreakdownDto'];
export type QuestionResultDto = Schemas['SurveyQuestionResultDto'];
export type TrendPointDto = Schemas['SurveyTrendPointDto'];
export type AccountResultDto = Schemas['SurveyAccountResultDto'];
export type TextAnswerDto = Schemas['SurveyTextAnswerDto'];
export type AccountSatisfactionDto = Schemas['AccountSatisfactionDto'];
export type SurveyResponseDto = Schemas['SurveyResponseDto'];
export type SurveyAnswerInput = Schemas['SurveyAnswerInput'];
export type PhoneResponseInput = Schemas['PhoneResponseInput'];
export type NpsGroup = Schemas['NpsGroup'];
export type WithETag<T> = { data: T; etag: string };

/** A campaign step (a POST each, If-Match), as `allowedActions` names it. */
export type CampaignStep = 'schedule' | 'open' | 'close';

export const surveyKeys = {
  all: ['surveys'] as const,
  templates: ['surveys', 'templates'] as const,
  templateList: (q: TemplateListQuery) => ['surveys', 'templates', 'list', q] as const,
  template: (id: string) => ['surveys', 'templates', id] as const,
  campaigns: ['surveys', 'campaigns'] as const,
  campaignList: (q: CampaignListQuery) => ['surveys', 'campaigns', 'list', q] as const,
  campaign: (id: string) => ['surveys', 'campaigns', id] as const,
  campaignPart: (id: string, part: string, q?: unknown) => ['surveys', 'campaigns', id, part, q] as const,
  followUps: ['surveys', 'follow-ups'] as const,
  satisfaction: (accountId: string) => ['surveys', 'satisfaction', accountId] as const,
};

// Templates ----------------------------------------------------------------------------------------------------------

export function useTemplates(query: TemplateListQuery, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.templateList(query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/templates', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.template(id ?? ''),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/surveys/templates/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: SurveyTemplateInput, key) => unwrapWithETag(api.POST('/api/v1/surveys/templates', { body, params: { header: idempotencyKey(key) } })),
    onSuccess: (created) => {
      qc.setQueryData(surveyKeys.template(created.data.id), created);
      void qc.invalidateQueries({ queryKey: [...surveyKeys.templates, 'list'] });
    },
  });
}

function useTemplateSaved(id: string) {
  const qc = useQueryClient();
  return (saved: WithETag<SurveyTemplateDto>) => {
    qc.setQueryData(surveyKeys.template(id), saved);
    void qc.invalidateQueries({ queryKey: [...surveyKeys.templates, 'list'] });
  };
}

export function useUpdateTemplate(id: string) {
  const saved = useTemplateSaved(id);
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: SurveyTemplateInput }) =>
      unwrapWithETag(api.PUT('/api/v1/surveys/templates/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: saved,
  });
}

export function usePublishTemplate(id: string) {
  const saved = useTemplateSaved(id);
  return useMutation({
    mutationFn: ({ etag }: { etag: string }) => unwrapWithETag(api.POST('/api/v1/surveys/templates/{id}/publish', { params: { path: { id }, header: ifMatch(etag) } })),
    onSuccess: saved,
  });
}

/** A draft copy of a published version (Idempotency-Key: a double click makes one version). */
export function useReviseTemplate(id: string) {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (_: void, key) => unwrap(api.POST('/api/v1/surveys/templates/{id}/revise', { params: { path: { id }, header: idempotencyKey(key) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveyKeys.templates }),
  });
}

// Campaigns ----------------------------------------------------------------------------------------------------------

export function useCampaigns(query: CampaignListQuery, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.campaignList(query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: surveyKeys.campaign(id),
    queryFn: () => unwrapWithETag(api.GET('/api/v1/surveys/campaigns/{id}', { params: { path: { id } } })),
  });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: SurveyCampaignInput, key) => unwrapWithETag(api.POST('/api/v1/surveys/campaigns', { body, params: { header: idempotencyKey(key) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveyKeys.campaigns }),
  });
}

export function useUpdateCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: SurveyCampaignInput }) =>
      unwrapWithETag(api.PUT('/api/v1/surveys/campaigns/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (saved) => {
      qc.setQueryData(surveyKeys.campaign(id), saved);
      void qc.invalidateQueries({ queryKey: [...surveyKeys.campaigns, 'list'] });
    },
  });
}

export function postCampaignStep(id: string, etag: string, step: CampaignStep): Promise<WithETag<SurveyCampaignDto>> {
  const params = { path: { id }, header: ifMatch(etag) };
  switch (step) {
    case 'schedule':
      return unwrapWithETag(api.POST('/api/v1/surveys/campaigns/{id}/schedule', { params }));
    case 'open':
      return unwrapWithETag(api.POST('/api/v1/surveys/campaigns/{id}/open', { params }));
    case 'close':
      return unwrapWithETag(api.POST('/api/v1/surveys/campaigns/{id}/close', { params }));
  }
}

export function useCampaignStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, step }: { etag: string; step: CampaignStep }) => postCampaignStep(id, etag, step),
    onSuccess: (saved) => {
      // The answer is the campaign now; its lists and parts (invitations, skips, results) are read again.
      qc.setQueryData(surveyKeys.campaign(id), saved);
      void qc.invalidateQueries({ queryKey: [...surveyKeys.campaigns, 'list'] });
      void qc.invalidateQueries({ queryKey: surveyKeys.campaign(id), predicate: (q) => q.queryKey.length > surveyKeys.campaign(id).length });
    },
  });
}

/** The audience a draft would reach (the same SQL as opening, nothing written). */
export function usePreviewAudience() {
  return useMutation({
    mutationFn: (body: Schemas['AudiencePreviewInput']) => unwrap(api.POST('/api/v1/surveys/campaigns/audience-preview', { body })),
  });
}

export function useCampaignAudience(id: string, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'audience'),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/audience-preview', { params: { path: { id } } })),
    enabled,
  });
}

export type InvitationQuery = NonNullable<paths['/api/v1/surveys/campaigns/{id}/invitations']['get']['parameters']['query']>;
export type SkipQuery = NonNullable<paths['/api/v1/surveys/campaigns/{id}/skips']['get']['parameters']['query']>;

export function useInvitations(id: string, query: InvitationQuery) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'invitations', query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/invitations', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSkips(id: string, query: SkipQuery) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'skips', query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/skips', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
}

// Follow-ups ---------------------------------------------------------------------------------------------------------

export function useFollowUps(query: FollowUpListQuery, enabled = true) {
  return useQuery({
    queryKey: [...surveyKeys.followUps, query],
    queryFn: () => unwrap(api.GET('/api/v1/surveys/follow-ups', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Closes a follow-up with its note: reads it first for its ETag (the list carries none), then sends If-Match. */
export function useCloseFollowUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, note, etag }: { id: string; note: string; etag?: string }) => {
      const version = etag ?? (await unwrapWithETag(api.GET('/api/v1/surveys/follow-ups/{id}', { params: { path: { id } } }))).etag;
      return unwrapWithETag(api.POST('/api/v1/surveys/follow-ups/{id}/close', { params: { path: { id }, header: ifMatch(version) }, body: { note } }));
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: surveyKeys.followUps });
      void qc.invalidateQueries({ queryKey: ['surveys', 'satisfaction'] });
    },
  });
}

// Part 2: results, responses, phone, the account's satisfaction --------------------------------------------------------

export function useResults(id: string, enabled = true) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'results'),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/results', { params: { path: { id } } })),
    enabled,
  });
}

export function useResultAccounts(id: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'results-accounts', { page, pageSize }),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/results/accounts', { params: { path: { id }, query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTextAnswers(id: string, questionId: string | undefined, page: number, pageSize = 20) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(id, 'text-answers', { questionId, page, pageSize }),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/results/text-answers', { params: { path: { id }, query: { questionId, page, pageSize } } })),
    placeholderData: keepPreviousData,
    enabled: !!questionId,
  });
}

export function useResponses(campaignId: string | undefined, query: { accountId?: string; npsGroup?: NpsGroup; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: surveyKeys.campaignPart(campaignId ?? '', 'responses', query),
    queryFn: () => unwrap(api.GET('/api/v1/surveys/campaigns/{id}/responses', { params: { path: { id: campaignId! }, query } })),
    placeholderData: keepPreviousData,
    enabled: !!campaignId,
  });
}

export function useAccountSatisfaction(accountId: string) {
  return useQuery({
    queryKey: surveyKeys.satisfaction(accountId),
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}/satisfaction', { params: { path: { id: accountId } } })),
  });
}

/** A contact's answers taken on the phone (Idempotency-Key: a double click records one response). */
export function useRecordPhoneResponse(campaignId: string) {
  const qc = useQueryClient();
  return useCreateMutation({
    create: (body: PhoneResponseInput, key) =>
      unwrap(api.POST('/api/v1/surveys/campaigns/{id}/phone-responses', { body, params: { path: { id: campaignId }, header: idempotencyKey(key) } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: surveyKeys.campaign(campaignId) }),
  });
}
