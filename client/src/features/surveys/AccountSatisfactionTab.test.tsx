import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { followUpFixture, paged, satisfactionFixture } from './fixtures';
import type { SurveyResponseDto } from './surveysApi';
import AccountSatisfactionTab from './AccountSatisfactionTab';

const api = fakeApiPerTest();

const response = (overrides: Partial<SurveyResponseDto> = {}): SurveyResponseDto => ({
  id: 'r1',
  campaignId: 'c1',
  campaignName: '2027 上半年客户满意度调查',
  accountId: 'a1',
  accountName: '华东精密制造有限公司',
  contactId: 'k1',
  contactName: '王芳',
  buyingRole: 'DecisionMaker',
  channel: 'Phone',
  language: 'zh-CN',
  receivedAt: '2027-03-02T02:00:00Z',
  nps: 4,
  npsGroup: 'Detractor',
  lowestRating: 2,
  followUpId: 'f1',
  answers: [],
  ...overrides,
});

describe('AccountSatisfactionTab', () => {
  it('shows the latest NPS with its n, the weighted NPS, the trend, the responses of the latest campaign and the follow-ups, in Chinese', async () => {
    const user = setupUser();
    api.on('GET', '/api/v1/accounts/a1/satisfaction', json(200, satisfactionFixture()));
    api.on('GET', '/api/v1/surveys/campaigns/c1/responses', json(200, paged([response()])));
    api.on('GET', '/api/v1/surveys/campaigns/c0/responses', json(200, paged([response({ id: 'r0', campaignId: 'c0', nps: 9, npsGroup: 'Promoter', contactName: '张伟' })])));
    api.on('GET', '/api/v1/surveys/follow-ups', json(200, paged([followUpFixture()])));
    renderWithProviders(<AccountSatisfactionTab accountId="a1" />, { locale: 'zh-CN' });
    const latest = await screen.findByTestId('account-latest-nps');
    expect(latest).toHaveAttribute('data-score', '-33');
    expect(latest).toHaveTextContent('−33');
    expect(latest).toHaveTextContent('n = 3');
    expect(within(screen.getByTestId('account-trend')).getAllByTestId('account-trend-nps')).toHaveLength(2);
    const responses = await screen.findByTestId('account-responses');
    expect(await within(responses).findByText('王芳')).toBeInTheDocument();
    expect(within(responses).getByText('贬损者')).toBeInTheDocument();
    expect(api.sent('GET', '/api/v1/surveys/campaigns/c1/responses')[0]!.query.get('accountId')).toBe('a1');
    const followUps = await screen.findByTestId('followups-table');
    expect(await within(followUps).findByText('王芳')).toBeInTheDocument();
    expect(api.sent('GET', '/api/v1/surveys/follow-ups')[0]!.query.get('accountId')).toBe('a1');
    await chooseOption(user, '调查活动', '2026 下半年客户满意度调查');
    expect(await within(screen.getByTestId('account-responses')).findByText('张伟')).toBeInTheDocument();
  }, SLOW);

  it('says when the account has no answers yet, and shows no follow-ups to whom may not read them', async () => {
    api.on('GET', '/api/v1/accounts/a1/satisfaction', json(200, satisfactionFixture({ latest: null, trend: [], openFollowUps: 0 })));
    renderWithProviders(<AccountSatisfactionTab accountId="a1" />, { user: { ...testUser, role: 'Marketing', permissions: ['surveys:read'] } });
    expect(await screen.findByText('No survey answers from this account yet.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('followups-table')).toBeNull());
    expect(api.sent('GET', '/api/v1/surveys/follow-ups')).toHaveLength(0);
  });
});
