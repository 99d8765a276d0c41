// End-to-end: a complaint's corrective action joins a plan initiative, and the account 360 shows the plan (issue 12,
// item 6). An account manager opens a complaint of one of their accounts that has a plan, links it to an initiative
// from the complaint page (in Chinese), follows the link to the plan and finds the complaint under that initiative, then
// opens the account's Plan tab by its URL and from the tab bar.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
// Runs beside the other e2e files against the same database: its plan and complaint carry a unique stamp.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { apiAs, base, openBrowser, password, pickOption, screenshot } from './lib/browser.mjs';

const manager = 'accountmanager@demo.keyaccount.local';

let zh;

before(async () => {
  zh = await openBrowser({ locale: 'zh-CN' });
});

after(async () => {
  await zh?.browser.close();
});

const iso = (d) => d.toISOString().slice(0, 10);

test('a manager links a complaint to a plan initiative; the plan lists it under the initiative; the account’s Plan tab shows the plan', async () => {
  const { call, user } = await apiAs(manager);
  const send = async (method, path, body, headers = {}) => {
    const r = await call(path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${await r.clone().text()}`);
    return { body: await r.json(), etag: r.headers.get('ETag') };
  };

  // One of the manager's active accounts, with a draft plan of our own (one objective, two initiatives).
  const accounts = (await send('GET', '/api/v1/accounts?status=Active&sort=name&pageSize=50')).body.items.filter((a) => a.ownerId === user.id);
  assert.ok(accounts.length > 0, 'the demo manager owns active accounts');
  // Preferably one whose tier programme asks for a plan it lacks, so that the Plan tab also says why (the server's reason).
  const needing = new Set((await send('GET', `/api/v1/development-plans/accounts-needing-plan?ownerId=${user.id}&pageSize=200`)).body.items.map((n) => n.accountId));
  const candidates = accounts.filter((a) => needing.has(a.id));
  const pool = candidates.length > 0 ? candidates : accounts;
  const account = pool[Math.floor(Math.random() * pool.length)];
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const start = new Date();
  start.setUTCDate(1);
  start.setUTCMonth(start.getUTCMonth() + 1);
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + 2);
  end.setUTCDate(end.getUTCDate() - 1);
  const due = new Date(start);
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  const header = { title: `E2E 计划举措关联 ${stamp}`, startDate: iso(start), endDate: iso(end), valueProposition: '以快速响应和稳定交付降低客户的停线风险。', strategicPriorities: ['交付稳定'] };
  const created = await send('POST', '/api/v1/development-plans', { accountId: account.id, ...header }, { 'Idempotency-Key': randomUUID() });
  const planId = created.body.id;
  const initiative = `交付周期缩短 ${stamp}`;
  await send(
    'PUT',
    `/api/v1/development-plans/${planId}`,
    {
      ...header,
      objectives: [{ title: '准时交付率', unit: 'Percent', direction: 'HigherIsBetter', baseline: 85, target: 98, source: 'Manual', dueDate: iso(due) }],
      initiatives: [
        { title: '建立季度高层互访机制', ownerId: user.id, department: 'Sales', dueDate: iso(due), status: 'NotStarted', objectiveIndex: 0 },
        { title: initiative, ownerId: user.id, department: 'Logistics', dueDate: iso(due), status: 'InProgress', objectiveIndex: 0 },
      ],
      milestones: [],
      stakeholders: [],
      swot: [],
    },
    { 'If-Match': created.etag },
  );
  // A complaint of that account.
  const complaint = (
    await send(
      'POST',
      '/api/v1/complaints',
      { accountId: account.id, channel: 'Phone', category: 'Delivery', severity: 'High', subject: `托盘短少 ${stamp}`, description: '订单 SO-88121 少到 3 托，客户周五停线。', requestedRemedy: '周四前补发' },
      { 'Idempotency-Key': randomUUID() },
    )
  ).body;

  // The manager, in Chinese, on the complaint page: the initiatives of the account's current plans, link one.
  const page = zh.page;
  await page.goto(`${base}/login`);
  await page.getByLabel('邮箱').fill(manager);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${base}/complaints/${complaint.id}`);
  const card = page.getByTestId('initiative-link');
  await card.getByText('纠正措施 → 关联计划举措').waitFor();
  await card.getByTestId('initiative-select').click();
  await pickOption(page, initiative);
  await screenshot(page, '50-complaint-initiative-pick-zh');
  await card.getByTestId('initiative-link-submit').click();
  await card.getByTestId('initiative-linked-title').filter({ hasText: initiative }).waitFor();
  await page.getByTestId('timeline-InitiativeLinked').waitFor();
  await screenshot(page, '51-complaint-initiative-linked-zh');
  const linked = (await send('GET', `/api/v1/complaints/${complaint.id}`)).body;
  assert.equal(linked.planId, planId, 'the complaint is linked to an initiative of our plan');

  // Its plan, one click away: the complaint is listed under that initiative.
  await card.getByTestId('initiative-plan-link').click();
  await page.waitForURL(new RegExp(`/plans/${planId}$`));
  const row = page.getByTestId('initiative-row').filter({ hasText: initiative });
  await row.getByText(complaint.reference).waitFor();
  assert.equal(await page.getByTestId('initiative-row').filter({ hasText: '建立季度高层互访机制' }).getByText(complaint.reference).count(), 0, 'only under the initiative linked');
  await screenshot(page, '52-plan-initiative-complaints-zh');

  // The account 360: the Plan tab by its URL, then back to the overview and again from the tab bar.
  await page.goto(`${base}/accounts/${account.id}?tab=plan`);
  const tab = page.getByTestId('account-plan');
  await tab.waitFor();
  assert.equal(await page.getByRole('tab', { name: '发展计划' }).getAttribute('aria-selected'), 'true');
  await tab.getByText(header.title).first().waitFor();
  // The need for a plan, as the server says it for this account (with our draft: none, or "only a draft").
  const need = (await send('GET', `/api/v1/development-plans/accounts-needing-plan?accountId=${account.id}`)).body.items;
  if (need.length > 0) {
    assert.equal(await tab.getByTestId('account-plan-needed').getAttribute('data-reason'), need[0].reason);
    assert.equal(await tab.getByTestId('account-plan-create').getAttribute('href'), `/plans/new?accountId=${account.id}`);
  } else {
    assert.equal(await tab.getByTestId('account-plan-needed').count(), 0, 'no plan needed: no warning');
  }
  await screenshot(page, '53-account-plan-tab-zh');
  await page.getByRole('tab', { name: '概览' }).click();
  await page.waitForURL((url) => !url.search.includes('tab='));
  await page.getByRole('tab', { name: '发展计划' }).click();
  await page.waitForURL((url) => url.search.includes('tab=plan'));
  await page.getByTestId('account-plan').getByText(header.title).first().waitFor();
});
