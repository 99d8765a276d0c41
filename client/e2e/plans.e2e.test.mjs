// End-to-end: an account manager drafts a customer development plan in Chinese (header, an objective with a manual
// measure, an initiative) and submits it; a director approves it in English from the approval inbox; the manager
// marks the initiative done and records the measure's actual, and sees the plan's figures move (the server's).
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
// Runs beside the other e2e files against the same database: it adds a plan of its own (a unique title) on one of the
// manager's accounts, for a period after any plan in force there (approval refuses overlapping plans).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, pickOption, screenshot } from './lib/browser.mjs';

const manager = 'accountmanager@demo.keyaccount.local';
const director = 'director@demo.keyaccount.local';

let zh;
let en;

before(async () => {
  zh = await openBrowser({ locale: 'zh-CN' });
  en = await openBrowser({ locale: 'en-US' });
});

after(async () => {
  await zh?.browser.close();
  await en?.browser.close();
});

const iso = (d) => d.toISOString().slice(0, 10);

/** Types a date into the antd date picker with this test id (its input, or the input inside it), and confirms it. */
async function fillDate(page, testId, value) {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
  // Tab, not Enter: Enter would also submit the form. Leaving the field keeps the typed date and closes the panel.
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'detached', timeout: 5_000 });
  assert.equal(await input.inputValue(), value, `${testId} holds the date`);
}

/** The input with this test id (an InputNumber's or Input's own input, or the input inside the element). */
const field = (page, testId) => page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function signIn(page, email, labels) {
  await page.goto(`${base}/login`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const waitStatus = (page, testId, status) => page.waitForFunction(([id, s]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') === s, [testId, status]);

test('a manager drafts and submits a plan in Chinese, a director approves it in English, the manager marks an initiative done and sees progress move', async () => {
  const { call, user } = await apiAs(manager);
  const get = async (path) => {
    const r = await call(path);
    assert.equal(r.status, 200, `GET ${path}`);
    return r.json();
  };
  // One of the manager's own active accounts; the plan starts after any plan in force on it.
  const accounts = (await get('/api/v1/accounts?status=Active&sort=name&pageSize=50')).items.filter((a) => a.ownerId === user.id);
  assert.ok(accounts.length > 0, 'the demo manager owns active accounts');
  const account = accounts[Math.floor(Math.random() * accounts.length)];
  const existing = (await get(`/api/v1/development-plans?accountId=${account.id}&pageSize=200`)).items;
  const nextMonth = new Date();
  nextMonth.setUTCDate(1);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  let start = iso(nextMonth);
  for (const p of existing) {
    if (p.endDate >= start) {
      const d = new Date(`${p.endDate}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      start = iso(d);
    }
  }
  const end = new Date(`${start}T00:00:00Z`);
  end.setUTCFullYear(end.getUTCFullYear() + 2);
  end.setUTCDate(end.getUTCDate() - 1);
  const objectiveDue = new Date(`${start}T00:00:00Z`);
  objectiveDue.setUTCFullYear(objectiveDue.getUTCFullYear() + 1);
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const title = `E2E 客户发展计划 ${stamp}`;
  const objective = '年度联合研发项目数量';
  const initiative = '建立季度高层互访机制';

  // The manager, in Chinese: the plans page from the navigation, then a new plan.
  const page = zh.page;
  if (process.env.E2E_DEBUG) page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text().slice(0, 300)));
  await signIn(page, manager, { email: '邮箱', password: '密码', submit: /^登\s*录$/ });
  await page.getByRole('menuitem', { name: /客户发展计划/ }).click();
  await page.waitForURL(/\/plans$/);
  await page.getByTestId('plans-table').waitFor();
  await page.getByTestId('new-plan').click();
  await page.waitForURL(/\/plans\/new$/);
  await page.getByTestId('plan-account').click();
  await page.keyboard.type(account.name);
  await pickOption(page, account.name);
  await field(page, 'plan-title').fill(title);
  await fillDate(page, 'plan-start', start);
  await fillDate(page, 'plan-end', iso(end));
  await field(page, 'plan-value-proposition').fill('以稳定交付和联合研发帮助客户缩短新品上市周期。');
  await field(page, 'plan-priorities').fill('扩大份额\n联合研发');
  await screenshot(page, '40-plan-new-zh');
  // A double click creates one draft (the same Idempotency-Key).
  await page.getByTestId('plan-create').dblclick();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?edit=1$/);
  const planUrl = page.url().replace(/\?edit=1$/, '');
  const planId = planUrl.split('/').pop();
  assert.equal((await get(`/api/v1/development-plans?accountId=${account.id}&pageSize=200`)).items.filter((p) => p.title === title).length, 1, 'the double click created one plan');

  // The draft in the editor: one objective with a manual measure (0 → 10), one initiative serving it.
  await page.getByTestId('plan-editor').waitFor();
  await page.getByTestId('add-objective').click();
  await field(page, 'objective-0-title').fill(objective);
  await field(page, 'objective-0-baseline').fill('0');
  await field(page, 'objective-0-target').fill('10');
  await fillDate(page, 'objective-0-due', iso(objectiveDue));
  await page.getByTestId('add-initiative').click();
  await field(page, 'initiative-0-title').fill(initiative);
  await page.getByTestId('initiative-0-department').click();
  await pickOption(page, /^销售部$/);
  await fillDate(page, 'initiative-0-due', iso(objectiveDue));
  await page.getByTestId('initiative-0-objective').click();
  await pickOption(page, objective);
  await screenshot(page, '41-plan-editor-zh');
  await page.getByTestId('plan-save').click();
  await page.getByTestId('plan-editor').waitFor({ state: 'detached' });
  await waitStatus(page, 'plan-status', 'Draft');
  assert.equal((await page.getByTestId('plan-status').textContent()).trim(), '草稿');
  await page.getByTestId('initiative-row').getByText(initiative).waitFor();
  await screenshot(page, '42-plan-draft-zh');

  // Submit for approval.
  await page.getByTestId('plan-action-submit').click();
  await page.locator('.ant-modal:visible').waitFor();
  await page.getByTestId('plan-step-submit').click();
  await waitStatus(page, 'plan-status', 'Submitted');
  assert.equal((await page.getByTestId('plan-status').textContent()).trim(), '待审批');

  // The director, in English: the approval inbox, the plan with its changes, approve.
  const desk = en.page;
  await signIn(desk, director, { email: 'Email', password: 'Password', submit: 'Sign in' });
  await desk.getByRole('menuitem', { name: /Development plans/ }).click();
  await desk.waitForURL(/\/plans$/);
  await desk.getByTestId('tab-inbox').click();
  await desk.getByTestId('inbox-item').filter({ hasText: title }).click();
  const inbox = desk.getByTestId('inbox-plan');
  await inbox.getByText(title).waitFor();
  await inbox.getByTestId('changes-first').waitFor();
  await screenshot(desk, '43-plan-approval-inbox');
  await inbox.getByTestId('plan-action-approve').click();
  await desk.locator('.ant-modal:visible').waitFor();
  // The approval's comment is optional and kept in the plan's history.
  const approvalComment = `Approved — follow up the new EV line at the Q2 review (${stamp}).`;
  await field(desk, 'plan-step-comment').fill(approvalComment);
  await desk.getByTestId('plan-step-submit').click();
  await waitStatus(desk, 'inbox-plan-status', 'Approved');
  await desk.goto(`${base}/plans/${planId}`);
  await waitStatus(desk, 'plan-status', 'Approved');
  assert.equal((await desk.getByTestId('plan-status').textContent()).trim(), 'Approved');
  assert.match(await desk.getByTestId('plan-baseline').textContent(), /Approved baseline: version 1/);
  // The history shows who approved, with the comment, newest first.
  const approvedLine = desk.getByTestId('plan-history-entry').first();
  await approvedLine.getByText(approvalComment).waitFor();
  assert.equal(await approvedLine.getAttribute('data-action'), 'Approve');
  await screenshot(desk, '44-plan-approved');

  // The manager again: the initiative done, the measure's actual recorded; the figures are the server's.
  await page.goto(planUrl);
  await waitStatus(page, 'plan-status', 'Approved');
  assert.equal((await page.getByTestId('plan-initiatives-done').textContent()).trim(), '已完成 0/1');
  const before = await page.getByTestId('plan-progress').getAttribute('data-progress');
  await page.getByTestId('plan-initiatives').getByTestId('initiative-status').click();
  await pickOption(page, /^已完成$/);
  // The new status waits for an optional note, kept in the history.
  await field(page, 'initiative-status-note').fill('高层互访已于本季度完成');
  await page.getByTestId('initiative-status-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="plan-initiatives-done"]')?.textContent?.trim() === '已完成 1/1');
  await page.getByTestId('record-actual').click();
  await field(page, 'actual-value').fill('5');
  await page.getByTestId('actual-submit').click();
  await page.waitForFunction((b) => {
    const p = document.querySelector('[data-testid="plan-progress"]')?.getAttribute('data-progress');
    return p !== null && p !== undefined && p !== '' && p !== b;
  }, before);
  const progress = Number(await page.getByTestId('plan-progress').getAttribute('data-progress'));
  assert.equal(progress, 50, 'an actual of 5 on a measure from 0 to 10 is half way');
  const historyLine = page.getByTestId('plan-history-entry').filter({ hasText: '高层互访已于本季度完成' });
  await historyLine.waitFor();
  assert.equal(await historyLine.getAttribute('data-kind'), 'InitiativeStatusChanged');
  await screenshot(page, '45-plan-progress-zh');

  const saved = (await get(`/api/v1/development-plans/${planId}`));
  assert.equal(saved.status, 'Approved');
  assert.equal(saved.initiativesDone, 1);
  assert.equal(Number(saved.progress), 50);
});
