// End-to-end: a director tunes the tier policy, simulates, publishes, runs it, and sees an account's new tier.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
// Runs beside accounts.e2e.test.mjs against the same database (node:test runs files in parallel): that test signs in
// as another user and changes no tiers, and this one takes the accounts it checks from its own simulation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, screenshot } from './lib/browser.mjs';

const director = 'director@demo.keyaccount.local';
const CRITERIA = ['Revenue (last 12 months)', 'Revenue growth', 'Gross margin', 'Strategic fit', 'Potential value', 'Relationship length', 'Satisfaction (NPS)'];

let browser;
let page;

before(async () => {
  ({ browser, page } = await openBrowser());
});

after(async () => {
  await browser?.close();
});

const shot = (name) => screenshot(page, name);

/** The API directly, as the director: used once to give every account its initial tier. */
async function apiAsDirector() {
  return (await apiAs(director)).call;
}

/** Starts a run, waiting out one already in progress (409). */
async function runOnce(call) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await call('/api/v1/tiering/runs', { method: 'POST' });
    if (res.status === 201) return res.json();
    assert.equal(res.status, 409, `a run starts or another is in progress (got ${res.status})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('no run could start');
}

test('a director tunes the tier policy, simulates, publishes, runs it and sees an account move', async () => {
  // The demo has a published policy but no run yet: a first run gives every account its initial tier, so the run
  // this test makes later shows promotions and demotions.
  const call = await apiAsDirector();
  await runOnce(call);

  // Sign in and open Tiering from the navigation.
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(director);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The Director lands on the portfolio dashboard (shell/home.ts).
  await page.waitForURL(/\/portfolio/);
  await page.getByRole('menuitem', { name: /Tiering/ }).click();
  await page.waitForURL(/\/tiering\/policies$/);
  await page.getByText('Policy in force').waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="new-draft"]')?.disabled);
  await shot('10-tiering-policies');

  // A new draft copies the published terms and opens in the editor.
  await page.getByTestId('new-draft').click();
  await page.waitForURL(/\/tiering\/policies\/[0-9a-f-]{36}$/);
  const sum = page.getByTestId('weight-sum');
  await sum.waitFor();
  assert.equal((await sum.textContent()).trim(), 'Sum: 100 / 100');
  const save = page.getByTestId('save-policy');
  const simulate = page.getByTestId('simulate');
  const publish = page.getByTestId('publish-policy');

  // Put every point on one criterion: Strategic fit (or, if the draft already does so, trailing revenue).
  const weight = (label) => page.getByLabel(label, { exact: true });
  const target = (await weight('Strategic fit').inputValue()) === '100' ? 'Revenue (last 12 months)' : 'Strategic fit';
  const targetValue = Number(await weight(target).inputValue());
  await weight(target).fill(String(targetValue + 7));
  await page.waitForFunction(() => document.querySelector('[data-testid="weight-sum"]')?.textContent?.includes('107 / 100'));
  await shot('11-tiering-editor-sum-not-100');
  assert.ok(await save.isDisabled(), 'Save is disabled while the weights do not sum to 100');
  assert.ok(await simulate.isDisabled(), 'Simulate is disabled while the weights do not sum to 100');
  assert.ok(await publish.isDisabled(), 'Publish is disabled while the weights do not sum to 100');
  for (const label of CRITERIA) if (label !== target) await weight(label).fill('0');
  await page.getByText(/Sum: \d+ \/ 100/).waitFor();
  assert.notEqual((await sum.textContent()).trim(), 'Sum: 100 / 100');
  await weight(target).fill('100');
  await page.waitForFunction(() => document.querySelector('[data-testid="weight-sum"]')?.textContent?.trim() === 'Sum: 100 / 100');
  assert.ok(await save.isEnabled(), 'Save is enabled once the weights sum to 100');

  // Cut-offs out of order are flagged next to the field, then put back.
  await page.getByLabel('Key from').fill('85');
  await page.getByText('Must be below Strategic (80)').waitFor();
  assert.ok(await save.isDisabled(), 'Save is disabled while the cut-offs are out of order');
  await page.getByLabel('Key from').fill('60');
  await page.getByText('Must be below Strategic (80)').waitFor({ state: 'detached' });

  const name = `E2E ${target} only ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await shot('11-tiering-editor-sum-100');

  // Simulate the unsaved terms: the distribution and the accounts that would move.
  await simulate.click();
  const moves = page.getByTestId('sim-moves');
  await moves.locator('.ant-table-row').first().waitFor();
  const changed = Number((await page.getByTestId('sim-changed').locator('.ant-statistic-content-value').textContent()).replace(/\D/g, ''));
  assert.ok(changed > 0, `accounts would move (${changed})`);
  const firstMove = moves.locator('.ant-table-row').first();
  const movedName = (await firstMove.locator('a').textContent()).trim();
  const movedHref = await firstMove.locator('a').getAttribute('href');
  const newTier = (await firstMove.locator('[data-testid="sim-move-tiers"] .ant-tag').nth(1).textContent()).trim();
  assert.match(movedHref, /^\/accounts\/[0-9a-f-]{36}$/);
  await shot('12-tiering-simulation');

  // Save (If-Match with the draft's ETag), then publish with a confirmation.
  await save.click();
  await page.getByText('Draft saved').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="publish-policy"]')?.disabled);
  await publish.click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Publish' }).click();
  // Weighting one criterion moves more than 20 % of a tier: the server asks to confirm (409 tier-shift-over-limit),
  // the editor says which tiers and offers to publish anyway.
  const refused = page.getByTestId('publish-shift-refused');
  await refused.or(page.getByText(/is published but no run has used it yet/)).first().waitFor();
  if (await refused.isVisible()) {
    assert.match(await refused.textContent(), /→/);
    await shot('12b-tiering-shift-confirm');
    await page.getByTestId('publish-anyway').click();
  }
  await page.waitForURL(/\/tiering\/runs$/);
  await page.getByText(/is published but no run has used it yet/).waitFor();

  // Run it now: the list refreshes with the new run on top.
  const runsBefore = await page.getByTestId('runs-table').locator('.ant-table-row').count();
  await page.getByTestId('run-now').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Run now' }).click();
  // The run's answer: its toast, or the problem the page shows (said in the failure, so a refused run explains itself).
  const outcome = page.getByText(/Run complete: \d+ accounts changed tier/).or(page.locator('.ant-alert-error, .ant-message-error'));
  await outcome.first().waitFor({ timeout: 60_000 });
  assert.match((await outcome.first().textContent()) ?? '', /Run complete/, 'the run completes');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="runs-table"] .ant-table-row').length > n, runsBefore);
  const top = page.getByTestId('runs-table').locator('.ant-table-row').first();
  assert.match(await top.textContent(), /Manual/);
  const policyLink = (await top.locator('a[href^="/tiering/policies/"]').textContent()).trim();
  assert.match(policyLink, /^v\d+$/);
  await page.getByText(/is published but no run has used it yet/).waitFor({ state: 'detached' });
  await shot('13-tiering-runs');

  // The account that moved: its new tier, the breakdown (all weight on one criterion) and its history.
  await page.goto(`${base}${movedHref}`);
  await page.getByTestId('account-name').waitFor();
  assert.equal((await page.getByTestId('account-name').textContent()).trim(), movedName);
  const panel = page.getByTestId('account-tier-panel');
  await panel.getByTestId('score-breakdown').waitFor();
  assert.equal((await panel.getByTestId('tier-badge').textContent()).trim(), newTier);
  const breakdownRow = panel.getByTestId('score-breakdown').locator('[role="row"]', { hasText: target });
  assert.match(await breakdownRow.textContent(), /100%/);
  const history = panel.getByTestId('tier-history').locator('.ant-table-row');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tier-history"] .ant-table-row').length >= 2);
  assert.match(await history.first().textContent(), new RegExp(`${policyLink}.*(Promoted|Demoted)`));
  assert.match(await history.first().textContent(), new RegExp(newTier));
  await shot('14-account-tier-panel');

  // Pin another tier (sent with the account's ETag as If-Match), see the pin, then remove it.
  const pinTier = newTier === 'Growth' ? 'Key' : 'Growth';
  const pinForm = panel.getByTestId('pin-form');
  await pinForm.getByTestId('pin-tier').click();
  await page.locator('.ant-select-item-option', { hasText: new RegExp(`^${pinTier}$`) }).click();
  await pinForm.getByLabel('Reason').fill('E2E: strategic partnership under negotiation');
  const until = pinForm.getByLabel('Until');
  await until.click();
  await until.fill(`${new Date().getFullYear() + 1}-06-30`);
  await until.press('Enter');
  await pinForm.getByRole('button', { name: 'Pin tier' }).click();
  await page.getByText('Tier pinned; runs will keep it until the expiry date').waitFor();
  const pinned = panel.getByTestId('tier-pin');
  await pinned.waitFor();
  assert.match(await pinned.textContent(), new RegExp(`Pinned to ${pinTier} until .*strategic partnership under negotiation`));
  await shot('15-account-tier-pinned');
  await panel.getByRole('button', { name: 'Remove pin' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Remove pin' }).click();
  await pinned.waitFor({ state: 'detached' });

  // The same in Chinese.
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('等级依据').waitFor();
  await page.getByText('等级历史').waitFor();
  await shot('16-account-tier-panel-zh');
  await page.goto(`${base}/tiering/runs`);
  await page.getByText('分级运行记录').waitFor();
  await page.getByTestId('runs-table').locator('.ant-table-row').first().waitFor();
  await shot('17-tiering-runs-zh');
  await page.goto(`${base}/tiering/policies`);
  await page.getByText('策略版本').first().waitFor();
  await page.locator('.ant-table-row', { hasText: name }).locator('a').first().click();
  await page.getByTestId('weight-sum').waitFor();
  await page.getByText(/已发布的版本不可修改/).waitFor();
  await shot('18-tiering-policy-published-zh');
});
