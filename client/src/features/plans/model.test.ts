import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { evidenceLink, planButtons, prioritiesList, sortQuery, toFormValues, toUpdateBody } from './model';
import { initiativeFixture, objectiveFixture, planFixture } from './fixtures';
import { planVsActualOption, targetChanged } from './planChart';
import { timelineTasks } from './timeline';

const everything = () => true;

describe('planButtons', () => {
  it('shows the steps the server allows, in workflow order, the forward step primary', () => {
    const buttons = planButtons(['cancel', 'complete', 'revise'], everything);
    expect(buttons.map((b) => b.action)).toEqual(['complete', 'revise', 'cancel']);
    expect(buttons.find((b) => b.primary)?.action).toBe('complete');
    expect(buttons.find((b) => b.action === 'cancel')).toMatchObject({ danger: true, primary: false, testId: 'plan-action-cancel' });
  });

  it('leaves approving and rejecting to plans:approve', () => {
    const manager = (p: string) => p === 'plans:write' || p === 'plans:read';
    expect(planButtons(['approve', 'reject'], manager)).toEqual([]);
    expect(planButtons(['approve', 'reject'], everything).map((b) => [b.action, b.primary])).toEqual([
      ['approve', true],
      ['reject', false],
    ]);
  });

  it('offers a new version only when the server lists revise, whatever the status', () => {
    expect(planButtons(['activate', 'cancel', 'revise'], everything).map((b) => b.action)).toEqual(['activate', 'revise', 'cancel']);
    // An Active plan that already has a revision: the server leaves revise out, and so do the buttons.
    expect(planButtons(['complete', 'cancel'], everything).map((b) => b.action)).toEqual(['complete', 'cancel']);
    expect(planButtons(['submit'], everything).map((b) => b.action)).toEqual(['submit']);
    expect(planButtons(['revise'], (p) => p === 'plans:read')).toEqual([]);
  });

  it('shows nothing the server did not list, and ignores names it does not know', () => {
    expect(planButtons([], everything)).toEqual([]);
    expect(planButtons(['archive', 'submit'], everything).map((b) => b.action)).toEqual(['submit']);
  });
});

describe('list sort', () => {
  it('reads the URL’s sort as the API’s sort and direction', () => {
    expect(sortQuery(undefined)).toEqual({ sort: 'updatedAt', direction: 'desc' });
    expect(sortQuery('endDate')).toEqual({ sort: 'endDate', direction: 'asc' });
    expect(sortQuery('-progress')).toEqual({ sort: 'progress', direction: 'desc' });
    expect(sortQuery('nonsense')).toEqual({ sort: 'updatedAt', direction: 'desc' });
  });
});

describe('editor values', () => {
  it('round-trips a plan into the PUT document', () => {
    const plan = planFixture();
    const body = toUpdateBody(toFormValues(plan));
    expect(body).toMatchObject({
      accountId: 'a1',
      title: plan.title,
      startDate: '2027-01-01',
      endDate: '2029-12-31',
      strategicPriorities: ['扩大份额', '联合研发'],
      ownerId: 'me',
      reviewCadenceMonths: 3,
    });
    // The metric-sourced measure sends no actual (KeyAccount computes it); the manual one sends what was typed.
    expect(body.objectives[0]).toMatchObject({ id: 'o1', source: 'TtmRevenue', actual: null, currency: 'CNY', baseline: 8000000, target: 12000000, dueDate: '2027-12-31' });
    expect(body.objectives[1]).toMatchObject({ id: 'o2', source: 'Manual', actual: null, currency: null });
    expect(body.initiatives[0]).toEqual({
      id: 'i1',
      title: '建立季度高层互访机制',
      ownerId: 'me',
      department: 'Sales',
      dueDate: '2027-03-31',
      status: 'InProgress',
      objectiveIndex: 0,
      budget: { amount: '50000.00', currency: 'CNY' },
      personDays: 12.5,
    });
    expect(body.swot[1]).toEqual({ quadrant: 'Threat', text: '竞争对手降价', evidence: { kind: 'RevenueTrend', reference: '2026-Q3' } });
    expect(body.stakeholders).toEqual([{ contactId: 'c1', note: null }]);
    expect(body.milestones).toEqual([{ title: '首次联合研发评审', dueDate: '2027-06-30', reachedOn: null }]);
  });

  it('links an initiative to an objective added in the same edit by its index, and to none once it is removed', () => {
    const values = toFormValues(planFixture({ objectives: [objectiveFixture()], initiatives: [initiativeFixture()] }));
    values.objectives = [{ key: 'new-1', title: '新目标', unit: 'Number', direction: 'LowerIsBetter', source: 'Manual', baseline: '10', target: '2', dueDate: dayjs('2028-06-30'), actual: ' 7 ' }, ...(values.objectives ?? [])];
    values.initiatives = [{ ...values.initiatives![0]!, objectiveKey: 'new-1' }, { title: ' 新举措 ', ownerId: 'u2', department: 'Service', dueDate: dayjs('2027-09-30'), status: 'NotStarted', objectiveKey: 'gone', budgetAmount: '', personDays: null }];
    const body = toUpdateBody(values);
    expect(body.objectives[0]).toMatchObject({ id: null, title: '新目标', actual: 7, dueDate: '2028-06-30' });
    expect(body.initiatives.map((i) => i.objectiveIndex)).toEqual([0, null]);
    expect(body.initiatives[1]).toMatchObject({ id: null, title: '新举措', budget: null, personDays: null });
  });

  it('reads priorities one per line, without blank lines', () => {
    expect(prioritiesList('  扩大份额 \r\n\n联合研发\n  ')).toEqual(['扩大份额', '联合研发']);
    expect(prioritiesList(undefined)).toEqual([]);
  });
});

describe('evidence links', () => {
  it('opens a complaint cited by id and the account for a revenue trend; a survey response has no page', () => {
    expect(evidenceLink('Complaint', '3f2b8c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f', 'a1')).toBe('/complaints/3f2b8c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f');
    expect(evidenceLink('Complaint', 'CMP-2026-000123', 'a1')).toBeNull();
    expect(evidenceLink('RevenueTrend', '2026-Q3', 'a1')).toBe('/accounts/a1');
    expect(evidenceLink('SurveyResponse', 'S-1', 'a1')).toBeNull();
  });
});

describe('plan-vs-actual chart', () => {
  it('draws the server’s progress and expected progress per objective, top to bottom in the plan’s order', () => {
    const plan = planFixture();
    const option = planVsActualOption(plan.objectives, { actual: 'Progress', expected: 'Expected', target: 'Target', baselineTarget: 'Baseline target', actualValue: 'Actual', targetChanged: 'changed' }, 'en');
    expect(option.yAxis.data).toEqual(['Complaint SLA ≥ 95% *', '年销售额提升至 1200 万元']);
    expect(option.series[0]!.data).toEqual([0, 25]);
    expect(option.series[1]!.data).toEqual([40, 40]);
    const tip = option.tooltip.formatter([{ dataIndex: 1 }]);
    expect(tip).toContain('Progress: 25%');
    expect(tip).toContain('Target: CN¥12,000,000');
  });

  it('marks a target changed since the baseline, and escapes people’s text in the tooltip', () => {
    expect(targetChanged({ target: 95, baselineTarget: 90 })).toBe(true);
    expect(targetChanged({ target: 95, baselineTarget: 95 })).toBe(false);
    expect(targetChanged({ target: 95, baselineTarget: null })).toBe(false);
    const option = planVsActualOption([objectiveFixture({ title: '<img src=x onerror=alert(1)>' })], { actual: 'P', expected: 'E', target: 'T', baselineTarget: 'B', actualValue: 'A', targetChanged: 'c' }, 'en');
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('timeline', () => {
  it('runs each initiative from the plan’s start to its due date, coloured by the server’s status and overdue flag', () => {
    const tasks = timelineTasks({
      startDate: '2027-01-01',
      initiatives: [initiativeFixture({ id: 'b', dueDate: '2027-09-30', status: 'Done' }), initiativeFixture({ id: 'a', title: 'A & <b>', dueDate: '2027-03-31', overdue: true })],
      milestones: [{ title: '评审', dueDate: '2027-06-30', reachedOn: '2027-06-28' }],
    });
    expect(tasks).toEqual([
      { id: 'i-a', name: 'A &amp; &lt;b&gt;', start: '2027-01-01', end: '2027-03-31', progress: 0, custom_class: 'ka-overdue' },
      { id: 'i-b', name: '建立季度高层互访机制', start: '2027-01-01', end: '2027-09-30', progress: 0, custom_class: 'ka-Done' },
      { id: 'm-0', name: '◆ 评审', start: '2027-06-30', end: '2027-06-30', progress: 0, custom_class: 'ka-milestone-reached' },
    ]);
  });
});
