// End-to-end: the real API + PostgreSQL (started by deploy/test.sh) and the built SPA, in the system Chromium.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, openBrowser, password, pickOption, screenshot } from './lib/browser.mjs';

let browser;
let page;

before(async () => {
  ({ browser, page } = await openBrowser({ timeout: 20_000 }));
});

after(async () => {
  await browser?.close();
});

const shot = (name) => screenshot(page, name);

test('an account manager signs in, filters, opens an account, logs an interaction and switches to Chinese', async () => {
  await page.goto(`${base}/accounts`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill('accountmanager@demo.keyaccount.local');
  await page.getByLabel('Password').fill(password);
  await shot('01-login');
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The accounts list.
  await page.waitForURL(/\/accounts$/);
  await page.locator('.ant-table-row').first().waitFor();
  const total = await page.locator('.ant-pagination-total-text').textContent();
  assert.match(total ?? '', /\d+ accounts/);

  // Filter by tier: kept in the URL, every row is a Key account.
  await page.getByTestId('filter-tier').click();
  await page.locator('.ant-select-item-option', { hasText: /^Key$/ }).click();
  await page.waitForURL(/tier=Key/);
  // The previous page stays on screen while the filtered one loads: wait for the rows to be the filtered ones.
  await page
    .waitForFunction(() => {
      const cells = [...document.querySelectorAll('.ant-table-row td:nth-child(3)')].map((td) => td.textContent);
      return cells.length > 0 && cells.every((t) => t === 'Key');
    })
    .catch(() => {});
  const tiers = await page.locator('.ant-table-row td:nth-child(3)').allTextContents();
  assert.ok(tiers.length > 0, 'some Key accounts are listed');
  assert.ok(tiers.every((t) => t === 'Key'), `only Key accounts: ${tiers.join(', ')}`);
  await shot('02-accounts-filtered');

  // Open the first account: the 360 page.
  const firstName = await page.locator('.ant-table-row td:first-child a').first().textContent();
  await page.locator('.ant-table-row td:first-child a').first().click();
  await page.getByTestId('account-name').waitFor();
  assert.equal(await page.getByTestId('account-name').textContent(), firstName);
  // The 360's parts are tabs, each in the URL.
  await page.getByTestId('account-tab-contacts').click();
  await page.getByText('Decision chain').waitFor();
  await page.getByTestId('account-tab-revenue').click();
  await page.getByTestId('revenue-chart').waitFor();

  // Log an interaction and see it in the timeline.
  await page.getByTestId('account-tab-interactions').click();
  await page.waitForURL(/\?tab=interactions/);
  const summary = `E2E quarterly review ${Date.now()}`;
  await page.getByTestId('interaction-form').getByLabel('Summary').fill(summary);
  await page.getByRole('button', { name: 'Log interaction' }).click();
  await page.getByTestId('interaction-timeline').getByText(summary).waitFor();
  await shot('03-account-360');

  // Switch language: Chinese labels everywhere, and the choice persists across a reload.
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('记录互动').first().waitFor();
  await page.getByTestId('account-tab-contacts').click();
  await page.getByText('决策链').first().waitFor();
  await page.reload();
  await page.getByText('联系人与决策链').first().waitFor();
  await page.getByTestId('account-tab-overview').click();
  await page.getByText('客户团队').waitFor();
  await page.getByTestId('account-tab-revenue').click();
  await page.getByTestId('revenue-chart').waitFor();
  await shot('04-account-360-zh');

  // A refusal of the API in the user's language, on the field it concerns: a registration number already taken.
  const taken = await page.evaluate(async () => {
    const { accessToken } = JSON.parse(localStorage.getItem('keyaccount.session'));
    const res = await fetch('/api/v1/accounts?pageSize=1', { headers: { Authorization: `Bearer ${accessToken}` } });
    return (await res.json()).items[0].registrationNumber;
  });
  await page.goto(`${base}/accounts/new`);
  await page.getByLabel('客户名称').fill(`E2E 重复代码 ${Date.now()}`);
  await page.getByLabel('统一社会信用代码').fill(taken);
  // Industry, region and segment are picked from the managed lists (their Chinese labels).
  await page.getByLabel('行业').click();
  await pickOption(page, '制造业');
  await page.getByLabel('区域').click();
  await pickOption(page, '华东');
  await page.getByLabel('客户类型').click();
  await pickOption(page, '大型企业');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const registration = page.locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码') });
  await registration.getByText('已有客户使用该统一社会信用代码。').waitFor();
  assert.match(await page.getByRole('alert').first().textContent(), /已有客户使用该统一社会信用代码/);
  await shot('04b-account-registration-taken-zh');

  // Unknown pages answer the 404 page.
  await page.goto(`${base}/no-such-page`);
  await page.getByText('页面不存在').waitFor();
  await shot('05-not-found-zh');
});

test('a service agent does not see what it may not use', async () => {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill('serviceagent@demo.keyaccount.local');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A service agent lands on the complaint queue (shell/home.ts); the accounts list is one menu entry away.
  await page.waitForURL(/\/complaints$/);
  await page.getByRole('menuitem', { name: /Accounts/ }).click();
  await page.waitForURL(/\/accounts$/);
  await page.locator('.ant-table-row').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'New account' }).count(), 0, 'no create button without accounts:write');
  assert.equal(await page.getByRole('menuitem', { name: /Tiering/ }).count(), 0, 'no tiering entry without tiering:read');
  await page.goto(`${base}/accounts/new`);
  await page.getByText('No access').waitFor();
  await shot('06-forbidden');

  // The portfolio without revenue:read: accounts by tier, no revenue figure, chart or column (and no NaN or null).
  await page.goto(`${base}/portfolio`);
  await page.getByTestId('portfolio-no-revenue').waitFor();
  await page.getByTestId('tier-distribution').locator('.ant-table-row').first().waitFor();
  const headers = await page.getByTestId('tier-distribution').locator('th').allTextContents();
  assert.deepEqual(headers.filter((h) => /revenue/i.test(h)), [], `no revenue column: ${headers.join(', ')}`);
  assert.equal(await page.getByTestId('pareto-chart').count(), 0, 'no Pareto curve');
  assert.equal(await page.getByTestId('value-matrix').count(), 0, 'no value matrix');
  const text = await page.locator('main, .ant-layout-content').first().textContent();
  assert.doesNotMatch(text, /NaN|null|undefined/);
  await shot('06b-portfolio-without-revenue');
});

test('an expired session returns to the login page with a message', async () => {
  await page.evaluate(() => {
    const raw = localStorage.getItem('keyaccount.session');
    const session = JSON.parse(raw);
    session.accessToken = 'expired.token.value';
    localStorage.setItem('keyaccount.session', JSON.stringify(session));
  });
  await page.goto(`${base}/accounts`);
  await page.getByText('Your session has expired').waitFor();
  await shot('07-session-expired');
});
