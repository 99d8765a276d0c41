import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { campaignFixture, paged, templateFixture } from './fixtures';
import CampaignWizardPage from './CampaignWizardPage';

const api = fakeApiPerTest();
const marketing = { ...testUser, role: 'Marketing' as const, permissions: ['surveys:read', 'surveys:design', 'surveys:run'] };
const PREVIEW = { accounts: 12, contacts: 30, skipped: [{ reason: 'NoEmail', count: 4 }, { reason: 'RecentlyInvited', count: 2 }], sample: [{ accountId: 'a1', accountName: '华东精密制造有限公司', contactId: 'k1', contactName: '王芳', buyingRole: 'DecisionMaker' }] };

function common() {
  api.on('GET', '/api/v1/surveys/templates', json(200, paged([templateFixture()])));
  api.on('POST', '/api/v1/surveys/campaigns/audience-preview', json(200, PREVIEW));
}

/** Types a date and time into the picker labelled `label` (its input takes "YYYY-MM-DD HH:mm"). */
async function typeDate(user: ReturnType<typeof setupUser>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.click(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

describe('CampaignWizardPage', () => {
  it('creates a campaign, previews its audience, then schedules it: Beijing dates with +08:00, Idempotency-Key, If-Match', async () => {
    const user = setupUser();
    common();
    api.on('POST', '/api/v1/surveys/campaigns', json(201, campaignFixture({ id: 'c9', status: 'Draft', allowedActions: ['edit', 'schedule', 'open'] }), { ETag: '"1"' }));
    api.on('POST', '/api/v1/surveys/campaigns/c9/schedule', json(200, campaignFixture({ id: 'c9', status: 'Scheduled' }), { ETag: '"2"' }));
    renderWithProviders(<CampaignWizardPage />, { url: '/surveys/campaigns/new', path: '/surveys/campaigns/new', user: marketing, routes: { '/surveys/campaigns/:id': <div data-testid="campaign-page" /> } });
    await user.type(await screen.findByTestId('campaign-name'), '2027 上半年客户满意度调查');
    await chooseOption(user, 'Template version', '客户关系调查');
    await chooseOption(user, 'Tiers', 'Strategic');
    await typeDate(user, 'Opens (Beijing time)', '2027-03-01 09:00');
    await typeDate(user, 'Closes (Beijing time)', '2027-03-31 18:00');
    // Scheduling waits for the preview of the audience as it stands.
    expect(screen.getByTestId('campaign-schedule')).toBeDisabled();
    await user.click(screen.getByTestId('preview-audience'));
    const preview = await screen.findByTestId('audience-preview');
    expect(within(preview).getByTestId('preview-contacts')).toHaveTextContent('30');
    expect(within(preview).getByText('No email address: 4')).toBeInTheDocument();
    expect(within(preview).getByText('王芳')).toBeInTheDocument();
    expect(api.sent('POST', '/api/v1/surveys/campaigns/audience-preview')[0]!.body).toMatchObject({ audience: { tiers: ['Strategic'] }, perAccountCap: 3 });
    await waitFor(() => expect(screen.getByTestId('campaign-schedule')).toBeEnabled());
    await user.click(screen.getByTestId('campaign-schedule'));
    expect(await screen.findByTestId('campaign-page')).toBeInTheDocument();
    const [created] = api.sent('POST', '/api/v1/surveys/campaigns');
    expect(created!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(created!.body).toMatchObject({
      name: '2027 上半年客户满意度调查',
      templateId: 't1',
      opensAt: '2027-03-01T09:00:00+08:00',
      closesAt: '2027-03-31T18:00:00+08:00',
      perAccountCap: 3,
      reminderAfterDays: 5,
      recurrence: 'TwiceYearly',
      defaultLanguage: 'zh-CN',
      audience: { tiers: ['Strategic'], segments: [], industries: [], regions: [], accountIds: [], buyingRoles: [] },
    });
    expect(api.sent('POST', '/api/v1/surveys/campaigns/c9/schedule')[0]!.headers.get('If-Match')).toBe('"1"');
  }, SLOW);

  it('asks for the preview again when the audience changes after it', async () => {
    const user = setupUser();
    common();
    api.on('GET', '/api/v1/surveys/campaigns/c1', json(200, campaignFixture({ status: 'Draft', allowedActions: ['edit', 'schedule', 'open'] }), { ETag: '"3"' }));
    renderWithProviders(<CampaignWizardPage />, { url: '/surveys/campaigns/c1/edit', path: '/surveys/campaigns/:id/edit', user: marketing });
    await user.click(await screen.findByTestId('preview-audience'));
    await screen.findByTestId('audience-preview');
    await waitFor(() => expect(screen.getByTestId('campaign-open')).toBeEnabled());
    await chooseOption(user, 'Tiers', 'Growth');
    expect(await screen.findByTestId('preview-outdated')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-open')).toBeDisabled();
  }, SLOW);

  it('saves a draft with If-Match and puts the server’s 400 on its field (closesAt)', async () => {
    const user = setupUser();
    common();
    api.on('GET', '/api/v1/surveys/campaigns/c1', json(200, campaignFixture({ status: 'Draft', allowedActions: ['edit', 'schedule', 'open'] }), { ETag: '"3"' }));
    api.on(
      'PUT',
      '/api/v1/surveys/campaigns/c1',
      json(400, { code: 'validation-failed', title: 'Invalid', status: 400, errors: { closesAt: [{ code: 'survey-campaign-closes-before-opening', message: 'A campaign closes after it opens.' }] } }),
    );
    renderWithProviders(<CampaignWizardPage />, { url: '/surveys/campaigns/c1/edit', path: '/surveys/campaigns/:id/edit', user: marketing, locale: 'zh-CN' });
    // The stored instants show as Beijing wall times.
    await waitFor(() => expect(screen.getByLabelText('开始时间（北京时间）')).toHaveValue('2027-03-01 09:00'));
    expect(screen.getByLabelText('结束时间（北京时间）')).toHaveValue('2027-03-31 18:00');
    await user.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(api.sent('PUT', '/api/v1/surveys/campaigns/c1')).toHaveLength(1));
    const [sent] = api.sent('PUT', '/api/v1/surveys/campaigns/c1');
    expect(sent!.headers.get('If-Match')).toBe('"3"');
    expect(sent!.body).toMatchObject({ opensAt: '2027-03-01T09:00:00+08:00', closesAt: '2027-03-31T18:00:00+08:00' });
    const field = screen.getByLabelText('结束时间（北京时间）').closest('.ant-form-item')!;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain')?.textContent).toBe('结束时间必须晚于开始时间。'));
  }, SLOW);

  it('says the campaign changed meanwhile on a 412', async () => {
    const user = setupUser();
    common();
    api.on('GET', '/api/v1/surveys/campaigns/c1', json(200, campaignFixture({ status: 'Draft', allowedActions: ['edit', 'schedule', 'open'] }), { ETag: '"3"' }));
    api.on('PUT', '/api/v1/surveys/campaigns/c1', json(412, { code: 'stale-version', title: 'Changed', status: 412 }));
    renderWithProviders(<CampaignWizardPage />, { url: '/surveys/campaigns/c1/edit', path: '/surveys/campaigns/:id/edit', user: marketing });
    await user.click(await screen.findByTestId('campaign-save'));
    expect(await screen.findByTestId('campaign-stale')).toBeInTheDocument();
  }, SLOW);
});
