import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SLOW, chooseOption, fakeApiPerTest, json, renderWithProviders, setupUser, testUser } from '../../test';
import { planFixture, summaryFixture } from './fixtures';
import type { PlanDto, PlanHistoryEntryDto } from './plansApi';

// Charts and the timeline draw on canvas and SVG layout jsdom does not have: their data is tested in model.test.ts.
vi.mock('./PlanVsActualChart', () => ({ default: () => <div data-testid="chart-stub" /> }));
vi.mock('./InitiativesTimeline', () => ({ default: () => <div data-testid="timeline-stub" /> }));

const { default: PlanPage } = await import('./PlanPage');
const { default: PlansPage } = await import('./PlansPage');
const { ApprovalInbox } = await import('./ApprovalInbox');

const api = fakeApiPerTest();
const PLAN = '/api/v1/development-plans/p1';
const withETag = (plan: PlanDto, etag: string) => json(200, plan, { ETag: etag });

const historyPage = (items: PlanHistoryEntryDto[]) => json(200, { items, page: 1, pageSize: 20, totalCount: items.length, nextCursor: null });

function entry(e: Partial<PlanHistoryEntryDto>): PlanHistoryEntryDto {
  return {
    id: 1,
    kind: 'StatusChanged',
    at: '2026-12-01T02:30:00Z',
    by: 'd1',
    byName: 'Li Wei',
    action: null,
    fromStatus: null,
    toStatus: null,
    comment: null,
    relatedPlanId: null,
    relatedPlanVersion: null,
    initiativeKey: null,
    initiativeTitle: null,
    initiativeFrom: null,
    initiativeTo: null,
    ...e,
  };
}

function showPlan(plan: PlanDto, options: { locale?: 'en' | 'zh-CN'; url?: string; user?: typeof testUser; history?: PlanHistoryEntryDto[] } = {}) {
  api.on('GET', PLAN, withETag(plan, '"7"'));
  api.on('GET', `${PLAN}/history`, historyPage(options.history ?? []));
  api.on('GET', '/api/v1/accounts/a1/contacts', json(200, { items: [], decisionChainGaps: [] }));
  api.on('GET', '/api/v1/users/lookup', json(200, [{ id: 'me', displayName: 'Zhao Min', role: 'Director', department: null }]));
  renderWithProviders(<PlanPage />, { url: options.url ?? '/plans/p1', path: '/plans/:id', locale: options.locale, user: options.user });
}

describe('PlanPage', () => {
  it('shows a metric measure’s actual read-only and lets a manual one be recorded', async () => {
    showPlan(planFixture({ status: 'Active' }));
    const objectives = await screen.findByTestId('plan-objectives');
    const rows = within(objectives).getAllByTestId('objective-actual');
    // The revenue objective is measured by KeyAccount: no button to type it in.
    expect(within(rows[0]!).getByTestId('actual-metric')).toBeInTheDocument();
    expect(within(rows[0]!).queryByTestId('record-actual')).toBeNull();
    expect(within(rows[1]!).getByTestId('record-actual')).toBeInTheDocument();
    // The progress is the server's figure, as it is.
    expect(screen.getByTestId('plan-progress')).toHaveAttribute('data-progress', '42.5');
  });

  it('marks an initiative done with the plan’s ETag and shows the progress the server answers with', async () => {
    const user = setupUser();
    const after = planFixture({ status: 'Active', progress: 61.3, initiativesDone: 2, initiatives: [{ ...planFixture().initiatives[0]!, status: 'Done', completedOn: '2026-12-02' }] });
    api.on('POST', `${PLAN}/initiatives/i1/status`, withETag(after, '"8"'));
    showPlan(planFixture({ status: 'Active' }));
    await screen.findByTestId('plan-initiatives');
    await chooseOption(user, 'Status', 'Done');
    await user.click(await screen.findByTestId('initiative-status-submit'));
    await waitFor(() => expect(screen.getByTestId('plan-progress')).toHaveAttribute('data-progress', '61.3'));
    const [sent] = api.sent('POST', `${PLAN}/initiatives/i1/status`);
    expect(sent!.headers.get('If-Match')).toBe('"7"');
    expect(sent!.body).toEqual({ status: 'Done', note: null });
  }, SLOW);

  it('says the plan changed meanwhile (412) and reads it again', async () => {
    const user = setupUser();
    api.on('POST', `${PLAN}/initiatives/i1/status`, json(412, { code: 'stale-version', title: 'Changed', status: 412 }));
    showPlan(planFixture({ status: 'Active' }));
    await screen.findByTestId('plan-initiatives');
    await chooseOption(user, 'Status', 'Blocked');
    await user.click(await screen.findByTestId('initiative-status-submit'));
    expect(await screen.findByTestId('plan-stale')).toHaveTextContent('Someone else changed this plan meanwhile');
    await waitFor(() => expect(api.sent('GET', PLAN).length).toBeGreaterThan(1));
  }, SLOW);

  it('shows only the steps the server allows, and approves with If-Match', async () => {
    const user = setupUser();
    api.on('POST', `${PLAN}/approve`, withETag(planFixture({ status: 'Approved', allowedActions: ['activate', 'cancel'] }), '"9"'));
    showPlan(planFixture({ status: 'Submitted', allowedActions: ['approve', 'reject'] }));
    const actions = await screen.findByTestId('plan-actions');
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Approve', 'Reject']);
    await user.click(screen.getByTestId('plan-action-approve'));
    await user.click(await screen.findByTestId('plan-step-submit'));
    await waitFor(() => expect(screen.getByTestId('plan-status')).toHaveAttribute('data-status', 'Approved'));
    const [sent] = api.sent('POST', `${PLAN}/approve`);
    expect(sent!.headers.get('If-Match')).toBe('"7"');
    expect(sent!.body).toBeUndefined();
  }, SLOW);

  it('approves with the director’s optional comment, and sends it as written', async () => {
    const user = setupUser();
    api.on('POST', `${PLAN}/approve`, withETag(planFixture({ status: 'Approved', allowedActions: ['activate', 'cancel', 'revise'] }), '"9"'));
    showPlan(planFixture({ status: 'Submitted', allowedActions: ['approve', 'reject'] }), { locale: 'zh-CN' });
    await user.click(await screen.findByTestId('plan-action-approve'));
    await user.type(await screen.findByTestId('plan-step-comment'), '  同意，二季度复盘时跟进新能源产线。 ');
    await user.click(screen.getByTestId('plan-step-submit'));
    await waitFor(() => expect(screen.getByTestId('plan-status')).toHaveAttribute('data-status', 'Approved'));
    const [sent] = api.sent('POST', `${PLAN}/approve`);
    expect(sent!.body).toEqual({ comment: '同意，二季度复盘时跟进新能源产线。' });
  }, SLOW);

  it('moves an initiative with a note for the history', async () => {
    const user = setupUser();
    api.on('POST', `${PLAN}/initiatives/i1/status`, withETag(planFixture({ status: 'Active' }), '"8"'));
    showPlan(planFixture({ status: 'Active' }));
    await screen.findByTestId('plan-initiatives');
    await chooseOption(user, 'Status', 'Blocked');
    await user.type(await screen.findByTestId('initiative-status-note'), 'Customer paused the lab budget');
    await user.click(screen.getByTestId('initiative-status-submit'));
    await waitFor(() => expect(api.sent('POST', `${PLAN}/initiatives/i1/status`)).toHaveLength(1));
    expect(api.sent('POST', `${PLAN}/initiatives/i1/status`)[0]!.body).toEqual({ status: 'Blocked', note: 'Customer paused the lab budget' });
  }, SLOW);

  it('offers revise when the server lists it', async () => {
    showPlan(planFixture({ status: 'Active', allowedActions: ['complete', 'cancel', 'revise'] }));
    expect(await screen.findByTestId('plan-action-revise')).toBeInTheDocument();
  });

  it('links the revision in progress instead of offering another', async () => {
    showPlan(planFixture({ status: 'Active', allowedActions: ['complete', 'cancel'], revisionId: 'p2' }));
    const link = await screen.findByTestId('plan-revision-link');
    expect(link).toHaveAttribute('href', '/plans/p2');
    expect(screen.queryByTestId('plan-action-revise')).toBeNull();
  });

  it('shows the history in Chinese: who, when in the user’s locale, what, and the comment', async () => {
    showPlan(planFixture({ status: 'Active' }), {
      locale: 'zh-CN',
      history: [
        entry({ id: 3, kind: 'InitiativeStatusChanged', by: 'me', byName: 'Zhao Min', initiativeTitle: '建立季度高层互访机制', initiativeFrom: 'InProgress', initiativeTo: 'Blocked', comment: '客户暂停了预算' }),
        entry({ id: 2, action: 'Approve', fromStatus: 'Submitted', toStatus: 'Approved', comment: '同意，二季度复盘时跟进新能源产线。' }),
        entry({ id: 1, kind: 'Revised', by: null, byName: null, relatedPlanId: 'p2', relatedPlanVersion: 2 }),
      ],
    });
    const history = await screen.findByTestId('plan-history');
    expect(within(history).getByText('记录')).toBeInTheDocument();
    const lines = await within(history).findAllByTestId('plan-history-entry');
    expect(lines.map((l) => l.getAttribute('data-kind'))).toEqual(['InitiativeStatusChanged', 'StatusChanged', 'Revised']);
    expect(lines[0]).toHaveTextContent('Zhao Min 将举措“建立季度高层互访机制”从进行中改为受阻');
    expect(within(lines[0]!).getByTestId('plan-history-comment')).toHaveTextContent('客户暂停了预算');
    expect(lines[1]).toHaveTextContent('Li Wei 批准了计划');
    expect(lines[1]).toHaveTextContent('待审批 → 已批准');
    expect(within(lines[1]!).getByTestId('plan-history-comment')).toHaveTextContent('同意，二季度复盘时跟进新能源产线。');
    // The instant in the one date-time format of the locale: Beijing time, 24-hour clock (02:30Z is 10:30 in Beijing).
    expect(lines[1]!.querySelector('time')).toHaveTextContent('2026年12月1日 10:30');
    expect(lines[2]).toHaveTextContent('API 客户端 开始修订本计划（第 2 版）');
    expect(within(lines[2]!).getByRole('link')).toHaveAttribute('href', '/plans/p2');
  }, SLOW);

  it('shows an empty history in English', async () => {
    showPlan(planFixture({ status: 'Draft' }));
    const history = await screen.findByTestId('plan-history');
    expect(within(history).getByText('History')).toBeInTheDocument();
    expect(await within(history).findByText('Nothing has been decided on this version yet.')).toBeInTheDocument();
  });

  it('says why a step is not possible any more (409) in the dialog', async () => {
    const user = setupUser();
    api.on('POST', `${PLAN}/submit`, json(409, { code: 'plan-transition-not-allowed', title: 'Not allowed', status: 409, detail: 'The plan is Submitted.' }));
    showPlan(planFixture({ status: 'Draft', canEdit: true, allowedActions: ['submit'] }));
    await user.click(await screen.findByTestId('plan-action-submit'));
    await user.click(await screen.findByTestId('plan-step-submit'));
    expect(await screen.findByText('This step is not possible any more')).toBeInTheDocument();
  }, SLOW);

  it('edits a draft in Chinese and places the server’s field error on the objective’s target', async () => {
    const user = setupUser();
    api.on(
      'PUT',
      PLAN,
      json(400, { code: 'validation', title: 'Invalid', status: 400, errors: { 'objectives[1].target': [{ code: 'target-equals-baseline', message: 'The target equals the baseline.' }] } }),
    );
    showPlan(planFixture({ status: 'Draft', canEdit: true, allowedActions: ['submit'] }), { locale: 'zh-CN', url: '/plans/p1?edit=1' });
    const editor = await screen.findByTestId('plan-editor');
    // A metric-sourced measure's actual is shown, never typed.
    expect(within(editor).getByTestId('objective-0-actual-metric')).toBeDisabled();
    expect(within(editor).getByTestId('objective-1-actual')).toBeInTheDocument();
    fireEvent.click(within(editor).getByTestId('plan-save'));
    expect(await screen.findByText('The target equals the baseline.')).toBeInTheDocument();
    const [sent] = api.sent('PUT', PLAN);
    expect(sent!.headers.get('If-Match')).toBe('"7"');
    expect((sent!.body as { objectives: unknown[] }).objectives).toHaveLength(2);
    // Still editing: nothing typed is lost.
    expect(screen.getByTestId('plan-editor')).toBeInTheDocument();
    void user;
  }, SLOW);
});

describe('PlansPage', () => {
  it('sends the URL’s filters (several statuses, review due) and shows the server’s progress and flags', async () => {
    api.on('GET', '/api/v1/development-plans', json(200, { items: [summaryFixture({ reviewDue: true, hasOverdueInitiatives: true })], page: 1, pageSize: 20, totalCount: 1 }));
    api.on('GET', '/api/v1/accounts', json(200, { items: [], page: 1, pageSize: 20, totalCount: 0 }));
    api.on('GET', '/api/v1/users/lookup', json(200, []));
    renderWithProviders(<PlansPage />, { url: '/plans?status=Active,Approved&needsReview=true', path: '/plans' });
    const table = await screen.findByTestId('plans-table');
    await within(table).findByText('华东精密 2027–2029 客户发展计划');
    const [sent] = api.sent('GET', '/api/v1/development-plans');
    expect(sent!.query.getAll('status')).toEqual(['Active', 'Approved']);
    expect(sent!.query.get('needsReview')).toBe('true');
    expect(sent!.query.get('overdue')).toBeNull();
    expect(within(table).getByTestId('plan-progress')).toHaveAttribute('data-progress', '42.5');
    expect(within(table).getByTestId('review-due')).toBeInTheDocument();
    expect(within(table).getByTestId('has-overdue')).toBeInTheDocument();
  }, SLOW);
});

describe('ApprovalInbox', () => {
  it('shows the submitted plan with what it changes against the previous baseline, and the approve button', async () => {
    api.on('GET', '/api/v1/development-plans', json(200, { items: [summaryFixture({ status: 'Submitted', planVersion: 2 })], page: 1, pageSize: 100, totalCount: 1 }));
    api.on('GET', PLAN, withETag(planFixture({ status: 'Submitted', planVersion: 2, previousVersionId: 'p0', allowedActions: ['approve', 'reject'] }), '"3"'));
    api.on(
      'GET',
      `${PLAN}/changes`,
      json(200, {
        previousVersionId: 'p0',
        previousPlanVersion: 1,
        fields: [{ path: 'endDate', before: '2028-12-31', after: '2029-12-31' }],
        objectives: [
          {
            id: 'o1',
            title: '年销售额提升至 1200 万元',
            change: 'Changed',
            before: { title: '年销售额提升至 1200 万元', unit: 'Currency', direction: 'HigherIsBetter', baseline: 8000000, target: 10000000, currency: 'CNY', source: 'TtmRevenue', dueDate: '2027-12-31' },
            after: { title: '年销售额提升至 1200 万元', unit: 'Currency', direction: 'HigherIsBetter', baseline: 8000000, target: 12000000, currency: 'CNY', source: 'TtmRevenue', dueDate: '2027-12-31' },
          },
          { id: 'o2', title: 'Complaint SLA ≥ 95%', change: 'Unchanged', before: null, after: null },
        ],
        initiatives: [{ id: null, title: '建立季度高层互访机制', change: 'Added', before: null, after: { title: '建立季度高层互访机制', ownerId: 'me', department: 'Sales', dueDate: '2027-03-31', objectiveTitle: null, budget: null, personDays: 10 } }],
      }),
    );
    renderWithProviders(<ApprovalInbox />, { url: '/plans?tab=inbox', path: '/plans' });
    const changes = await screen.findByTestId('plan-changes');
    expect(changes).toHaveTextContent('Against the approved baseline of version 1');
    const objectives = within(changes).getByTestId('changes-objectives');
    // Unchanged objectives are left out; a changed one shows its terms before and after.
    expect(within(objectives).getAllByRole('row')).toHaveLength(2);
    expect(objectives).toHaveTextContent('Target CN¥10,000,000');
    expect(objectives).toHaveTextContent('Target CN¥12,000,000');
    expect(within(changes).getByTestId('changes-initiatives')).toHaveTextContent('Added');
    expect(within(changes).getByTestId('changes-fields')).toHaveTextContent('2029-12-31');
    expect(within(screen.getByTestId('inbox-plan')).getByTestId('plan-action-approve')).toBeInTheDocument();
  }, SLOW);
});
