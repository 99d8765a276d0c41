import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { campaignFixture, followUpFixture, paged, templateFixture } from './fixtures';
import SurveysPage from './SurveysPage';

const api = fakeApiPerTest();
const marketing = { ...testUser, role: 'Marketing' as const, permissions: ['surveys:read', 'surveys:design', 'surveys:run'] };

describe('SurveysPage', () => {
  it('lists the campaigns with their status and counts, in Chinese, and filters by status in the URL', async () => {
    const user = setupUser();
    api.on('GET', '/api/v1/surveys/campaigns', json(200, paged([campaignFixture(), campaignFixture({ id: 'c2', name: '2027 下半年客户满意度调查', status: 'Draft', invitedCount: null, skippedCount: null })])));
    renderWithProviders(<SurveysPage />, { url: '/surveys', path: '/surveys', locale: 'zh-CN', user: marketing });
    const table = await screen.findByTestId('campaigns-table');
    expect(await within(table).findByText('2027 上半年客户满意度调查')).toBeInTheDocument();
    expect(within(table).getByText('进行中')).toBeInTheDocument();
    expect(within(table).getByText('117')).toBeInTheDocument();
    // Beijing time: 01:00 UTC opens at 09:00.
    expect(within(table).getAllByText(/09:00/).length).toBeGreaterThan(0);
    expect(screen.getByTestId('new-campaign')).toBeInTheDocument();
    // Marketing reads no follow-ups: no tab for them.
    expect(screen.queryByTestId('surveys-tab-followups')).toBeNull();
    await chooseOption(user, '状态', '草稿');
    await waitFor(() => expect(api.sent('GET', '/api/v1/surveys/campaigns').at(-1)!.query.getAll('status')).toEqual(['Draft']));
  }, SLOW);

  it('lists the templates with their versions', async () => {
    api.on('GET', '/api/v1/surveys/templates', json(200, paged([templateFixture(), templateFixture({ id: 't2', status: 'Draft', templateVersion: 2, allowedActions: ['edit', 'publish'] })])));
    renderWithProviders(<SurveysPage />, { url: '/surveys?tab=templates', path: '/surveys', user: marketing });
    const table = await screen.findByTestId('templates-table');
    expect(await within(table).findByText('v2')).toBeInTheDocument();
    expect([...table.querySelectorAll('[data-status]')].map((tag) => tag.getAttribute('data-status'))).toEqual(['Published', 'Draft']);
  });

  it('closes a follow-up with its note and the If-Match of the follow-up read just before', async () => {
    const user = setupUser();
    api.on('GET', '/api/v1/surveys/follow-ups', json(200, paged([followUpFixture()])));
    api.on('GET', '/api/v1/surveys/follow-ups/f1', json(200, followUpFixture(), { ETag: '"5"' }));
    api.on('POST', '/api/v1/surveys/follow-ups/f1/close', json(200, followUpFixture({ status: 'Closed', note: '已致电客户' }), { ETag: '"6"' }));
    renderWithProviders(<SurveysPage />, { url: '/surveys?tab=followups', path: '/surveys' });
    const table = await screen.findByTestId('followups-table');
    expect(await within(table).findByText('华东精密制造有限公司')).toBeInTheDocument();
    expect(within(table).getByTestId('followup-sla')).toHaveAttribute('data-state', 'AtRisk');
    expect(within(table).getByTestId('followup-sla')).toHaveTextContent('At risk');
    expect(api.sent('GET', '/api/v1/surveys/follow-ups')[0]!.query.get('status')).toBe('Open');
    await user.click(within(table).getByTestId('followup-close'));
    // The note is required.
    await user.click(await screen.findByTestId('followup-close-submit'));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(api.sent('POST', '/api/v1/surveys/follow-ups/f1/close')).toHaveLength(0);
    await user.type(screen.getByTestId('followup-note'), '  已致电客户 ');
    await user.click(screen.getByTestId('followup-close-submit'));
    await waitFor(() => expect(api.sent('POST', '/api/v1/surveys/follow-ups/f1/close')).toHaveLength(1));
    const [sent] = api.sent('POST', '/api/v1/surveys/follow-ups/f1/close');
    expect(sent!.headers.get('If-Match')).toBe('"5"');
    expect(sent!.body).toEqual({ note: '已致电客户' });
  }, SLOW);

  it('shows the server’s 400 on the note field, and says so on a 412', async () => {
    const user = setupUser();
    api.on('GET', '/api/v1/surveys/follow-ups', json(200, paged([followUpFixture()])));
    api.on('GET', '/api/v1/surveys/follow-ups/f1', json(200, followUpFixture(), { ETag: '"5"' }));
    api.on(
      'POST',
      '/api/v1/surveys/follow-ups/f1/close',
      json(400, { code: 'validation-failed', title: 'Invalid', status: 400, errors: { note: [{ code: 'too-long', message: 'At most 2000 characters.', args: { max: 2000 } }] } }),
      json(412, { code: 'stale-version', title: 'Changed', status: 412 }),
    );
    renderWithProviders(<SurveysPage />, { url: '/surveys?tab=followups', path: '/surveys' });
    await user.click(await screen.findByTestId('followup-close'));
    await user.type(await screen.findByTestId('followup-note'), '已处理');
    await user.click(screen.getByTestId('followup-close-submit'));
    const field = (await screen.findByTestId('followup-note')).closest('.ant-form-item')!;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain')?.textContent).toMatch(/2,000|2000/));
    await user.click(screen.getByTestId('followup-close-submit'));
    expect(await screen.findByTestId('followup-stale')).toBeInTheDocument();
  }, SLOW);
});
