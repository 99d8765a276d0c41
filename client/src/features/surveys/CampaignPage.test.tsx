import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, confirmPopconfirm, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { campaignFixture, paged, resultsFixture, templateFixture } from './fixtures';
import type { SurveyInvitationDto, SurveySkipDto } from './surveysApi';
import CampaignPage from './CampaignPage';

const api = fakeApiPerTest();
const C = '/api/v1/surveys/campaigns/c1';

const invitation = (overrides: Partial<SurveyInvitationDto> = {}): SurveyInvitationDto => ({
  id: 'i1',
  accountId: 'a1',
  accountName: '华东精密制造有限公司',
  contactId: 'k1',
  contactName: '王芳',
  email: 'wang.fang@example.cn',
  language: 'zh-CN',
  buyingRole: 'DecisionMaker',
  status: 'Sent',
  channel: 'Email',
  kind: 'Regular',
  sentAt: '2027-03-01T02:00:00Z',
  remindedAt: null,
  respondedAt: null,
  attempts: 1,
  lastError: null,
  createdAt: '2027-03-01T01:00:00Z',
  ...overrides,
});
const skip = (overrides: Partial<SurveySkipDto> = {}): SurveySkipDto => ({ accountId: 'a2', accountName: '北方重工集团', contactId: 'k9', contactName: '李强', reason: 'NoEmail', createdAt: '2027-03-01T01:00:00Z', ...overrides });

function show(options: { locale?: 'en' | 'zh-CN'; url?: string; user?: typeof testUser; campaign?: ReturnType<typeof campaignFixture> } = {}) {
  api.on('GET', C, json(200, options.campaign ?? campaignFixture(), { ETag: '"3"' }));
  api.on('GET', `${C}/invitations`, json(200, paged([invitation(), invitation({ id: 'i2', contactId: 'k2', contactName: '张伟', status: 'Responded', respondedAt: '2027-03-02T02:00:00Z' })])));
  api.on('GET', `${C}/skips`, json(200, paged([skip(), skip({ contactId: 'k8', contactName: '周杰', reason: 'RecentlyInvited' })])));
  api.on('GET', '/api/v1/surveys/templates/t1', json(200, templateFixture(), { ETag: '"1"' }));
  api.on('GET', '/api/v1/accounts', json(200, paged([])));
  renderWithProviders(<CampaignPage />, { url: options.url ?? '/surveys/campaigns/c1', path: '/surveys/campaigns/:id', locale: options.locale, user: options.user });
}

describe('CampaignPage', () => {
  it('shows the status, the counts by invitation status, the invitations and the skips with their reasons in Chinese', async () => {
    show({ locale: 'zh-CN' });
    expect(await screen.findByTestId('campaign-status')).toHaveAttribute('data-status', 'Open');
    const counts = screen.getByTestId('invitation-counts');
    expect(within(counts).getByText('已回复')).toBeInTheDocument();
    expect(within(counts).getByText('30')).toBeInTheDocument();
    const skips = await screen.findByTestId('skips-table');
    expect(await within(skips).findByText('无邮箱地址')).toBeInTheDocument();
    expect(within(skips).getByText('近期已被邀请')).toBeInTheDocument();
    // Beijing time in the header.
    expect(screen.getAllByText(/09:00/).length).toBeGreaterThan(0);
  });

  it('filters the skips by reason', async () => {
    const user = setupUser();
    show();
    await screen.findByTestId('skips-table');
    await chooseOption(user, 'Reason', 'Account’s invitation limit reached');
    await waitFor(() => expect(api.sent('GET', `${C}/skips`).at(-1)!.query.get('reason')).toBe('AccountLimit'));
  }, SLOW);

  it('closes the campaign with If-Match and shows the status the server answers with', async () => {
    const user = setupUser();
    api.on('POST', `${C}/close`, json(200, campaignFixture({ status: 'Closed', allowedActions: [], closedAt: '2027-03-31T10:00:00Z' }), { ETag: '"4"' }));
    show();
    const actions = await screen.findByTestId('campaign-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close']);
    await user.click(screen.getByTestId('campaign-step-close'));
    await confirmPopconfirm(user);
    await waitFor(() => expect(screen.getByTestId('campaign-status')).toHaveAttribute('data-status', 'Closed'));
    expect(api.sent('POST', `${C}/close`)[0]!.headers.get('If-Match')).toBe('"3"');
  }, SLOW);

  it('says the campaign changed meanwhile (412) and reads it again', async () => {
    const user = setupUser();
    api.on('POST', `${C}/close`, json(412, { code: 'stale-version', title: 'Changed', status: 412 }));
    show();
    await user.click(await screen.findByTestId('campaign-step-close'));
    await confirmPopconfirm(user);
    expect(await screen.findByTestId('campaign-stale')).toBeInTheDocument();
    await waitFor(() => expect(api.sent('GET', C).length).toBeGreaterThan(1));
  }, SLOW);

  it('offers no steps, no edit and no phone recording to a reader', async () => {
    show({ user: { ...testUser, role: 'QualityManager', permissions: ['surveys:read', 'surveys:followups', 'accounts:read'] } });
    await screen.findByTestId('invitations-table');
    expect(within(screen.getByTestId('campaign-actions')).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByTestId('record-phone')).toBeNull();
  });

  it('records a contact’s answers by phone: the questions by type, required ones said first, sent once with an Idempotency-Key', async () => {
    const user = setupUser();
    api.on('POST', `${C}/phone-responses`, json(201, { id: 'r1' }));
    show();
    const table = await screen.findByTestId('invitations-table');
    // The one who responded already has no button.
    expect(await within(table).findAllByTestId('record-phone')).toHaveLength(1);
    await user.click(within(table).getByTestId('record-phone'));
    const form = await screen.findByTestId('phone-form');
    const questions = await within(form).findAllByTestId('phone-question');
    expect(questions.map((q) => q.getAttribute('data-type'))).toEqual(['Nps', 'Rating', 'Text']);
    expect(within(questions[0]!).getAllByRole('radio')).toHaveLength(11);
    expect(within(questions[1]!).getAllByRole('radio')).toHaveLength(5);
    await user.click(screen.getByTestId('phone-submit'));
    expect(await within(questions[0]!).findByText('This question needs an answer.')).toBeInTheDocument();
    expect(api.sent('POST', `${C}/phone-responses`)).toHaveLength(0);
    await user.click(within(questions[0]!).getByRole('radio', { name: '3' }));
    await user.click(within(questions[1]!).getByRole('radio', { name: '2' }));
    await user.type(within(questions[2]!).getByRole('textbox'), '交付太慢');
    await user.click(screen.getByTestId('phone-submit'));
    await waitFor(() => expect(api.sent('POST', `${C}/phone-responses`)).toHaveLength(1));
    const [sent] = api.sent('POST', `${C}/phone-responses`);
    expect(sent!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent!.body).toEqual({
      contactId: 'k1',
      answers: [
        { questionId: 'q-nps', number: 3 },
        { questionId: 'q-rating', number: 2 },
        { questionId: 'q-text', text: '交付太慢' },
      ],
    });
  }, SLOW);

  it('puts the answer rule’s 400 errors on their question, and a contact not invited above the form', async () => {
    const user = setupUser();
    api.on(
      'POST',
      `${C}/phone-responses`,
      json(400, {
        code: 'validation-failed',
        title: 'Invalid',
        status: 400,
        errors: {
          'answers[1].number': [{ code: 'survey-answer-number-out-of-range', message: 'Out of range', args: { min: 1, max: 5 } }],
          contactId: [{ code: 'survey-contact-not-invited', message: 'This contact was not invited.' }],
        },
      }),
    );
    show();
    await user.click(await screen.findByTestId('record-phone-skipped'));
    const questions = await screen.findAllByTestId('phone-question');
    await user.click(within(questions[0]!).getByRole('radio', { name: '9' }));
    await user.click(within(questions[1]!).getByRole('radio', { name: '5' }));
    await user.click(screen.getByTestId('phone-submit'));
    expect(await within(questions[1]!).findByText('Choose a number from 1 to 5.')).toBeInTheDocument();
    expect(questions[1]).toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText(/This contact was not invited/)).toBeInTheDocument();
    expect(api.sent('POST', `${C}/phone-responses`)[0]!.body).toMatchObject({ contactId: 'k9' });
  }, SLOW);

  it('shows the results tab: NPS with n and margin beside it, the weighted NPS, CSAT and accessible distributions', async () => {
    api.on('GET', `${C}/results`, json(200, resultsFixture()));
    api.on('GET', `${C}/results/accounts`, json(200, paged([{ accountId: 'a1', accountName: '华东精密制造有限公司', tier: 'Strategic', invited: 3, responded: 2, nps: { respondents: 2, promoters: 1, passives: 0, detractors: 1, score: 0, marginOfError: null, population: 3 }, weightedNps: 10, csat: 50, revenue: 12000000 }])));
    api.on('GET', `${C}/results/text-answers`, json(200, paged([{ responseId: 'r1', accountId: 'a1', accountName: '华东精密制造有限公司', contactName: '王芳', buyingRole: 'DecisionMaker', text: '交付周期太长', receivedAt: '2027-03-02T02:00:00Z' }])));
    show({ url: '/surveys/campaigns/c1?tab=results', locale: 'zh-CN' });
    const nps = await screen.findByTestId('results-nps');
    expect(nps).toHaveAttribute('data-score', '30');
    expect(within(nps).getByText('+30')).toBeInTheDocument();
    expect(screen.getByTestId('results-nps-sample')).toHaveTextContent('n = 30，± 14.2');
    expect(screen.getByTestId('results-weighted-nps')).toHaveTextContent('加权 NPS: +34');
    expect(screen.getByTestId('results-csat')).toHaveTextContent('70%');
    expect(screen.getByTestId('results-coverage')).toHaveTextContent('42.9%');
    const rows = screen.getAllByTestId('distribution-row');
    expect(rows.map((r) => r.getAttribute('data-value'))).toEqual(['4', '8', '10']);
    // Counts and shares in text, not only as bar lengths.
    expect(rows[2]).toHaveTextContent('15 (50%)');
    expect(within(screen.getByTestId('results-by-tier')).getByText('战略客户')).toBeInTheDocument();
    expect(within(screen.getByTestId('results-trend')).getAllByTestId('trend-nps')).toHaveLength(2);
    expect(await screen.findByText('交付周期太长')).toBeInTheDocument();
    expect(await within(screen.getByTestId('results-accounts')).findByText('华东精密制造有限公司')).toBeInTheDocument();
    expect(api.sent('GET', `${C}/results/text-answers`)[0]!.query.get('questionId')).toBe('q-text');
  });
});

describe('CampaignPage lists', () => {
  it('goes back to the first page of the invitations when their filter changes', async () => {
    const user = setupUser();
    show({ url: '/surveys/campaigns/c1?ipage=3' });
    await screen.findByTestId('invitations-table');
    expect(api.sent('GET', `${C}/invitations`)[0]!.query.get('page')).toBe('3');
    await chooseOption(user, 'Status', 'Failed');
    await waitFor(() => expect(api.sent('GET', `${C}/invitations`).at(-1)!.query.get('status')).toBe('Failed'));
    expect(api.sent('GET', `${C}/invitations`).at(-1)!.query.get('page')).toBe('1');
  }, SLOW);
});
