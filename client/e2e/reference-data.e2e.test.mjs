// End-to-end (issue 14, reference data): an Admin adds a region with Chinese and English labels; an account manager
// picks it on an account (by its Chinese label); the accounts list's region filter finds the account in both
// languages — the select is searched in Chinese and in English and sends one code.
// Env: E2E_BASE_URL, E2E_PASSWORD, E2E_SCREENSHOTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, pickOption, screenshot } from './lib/browser.mjs';

let ctx;

before(async () => {
  ctx = await openBrowser({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await ctx?.browser.close();
});

async function signIn(page, email) {
  await page.evaluate(() => localStorage.clear()).catch(() => {});
  await page.goto(`${base}/login`);
  await page.evaluate(() => localStorage.setItem('keyaccount.locale', 'zh-CN'));
  await page.goto(`${base}/login`);
  await page.locator('input[type="email"], #email, input[autocomplete="username"]').first().fill(email);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

test('an Admin adds a region, a manager picks it on an account, the list filter finds it in both languages', { timeout: 240_000 }, async () => {
  const { page } = ctx;
  const stamp = Date.now().toString(36);
  const code = `e2e-${stamp}`;
  const zh = `青藏高原${stamp.slice(-3)}`;
  const en = `Tibet Plateau ${stamp.slice(-3)}`;

  // The Admin's page: the lists with their zh and en labels; add a region.
  await signIn(page, 'admin@demo.keyaccount.local');
  await page.goto(`${base}/reference-data`);
  await page.getByRole('tab', { name: '区域' }).click();
  await page.getByText('华东', { exact: true }).waitFor();
  await screenshot(page, 'refdata-01-admin-regions-zh');
  await page.getByTestId('reference-add').click();
  await page.getByTestId('reference-code').fill(code);
  await page.getByTestId('reference-label-zh').fill(zh);
  await page.getByTestId('reference-label-en').fill(en);
  await screenshot(page, 'refdata-02-admin-new-region-zh');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(zh, { exact: true }).waitFor();
  await page.getByText(en, { exact: true }).waitFor();

  // The account manager creates an account and picks the new region by its Chinese label.
  await signIn(page, 'accountmanager@demo.keyaccount.local');
  const name = `E2E 高原客户 ${stamp}`;
  await page.goto(`${base}/accounts/new`);
  await page.getByLabel('客户名称').fill(name);
  await page.getByLabel('统一社会信用代码').fill(`E2E${stamp}`.toUpperCase().slice(0, 20));
  await page.getByLabel('行业').click();
  await page.getByLabel('行业').fill('能源');
  await pickOption(page, '能源');
  await page.getByLabel('区域').click();
  await page.getByLabel('区域').fill(zh.slice(0, 4));
  await pickOption(page, zh);
  await page.getByLabel('客户类型').click();
  await pickOption(page, '大型企业');
  await screenshot(page, 'refdata-03-account-form-zh');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('account-name').waitFor();
  await page.getByText(zh, { exact: true }).first().waitFor();
  await screenshot(page, 'refdata-04-account-zh');

  // The API stored the code, not a label.
  const mgr = await apiAs('accountmanager@demo.keyaccount.local');
  const found = await (await mgr.call(`/api/v1/accounts?region=${code.toUpperCase()}`)).json();
  assert.deepEqual(found.items.map((a) => [a.name, a.region, a.industry]), [[name, code, 'energy']]);

  // The list's region filter, searched in Chinese: one row, the account, its region shown in Chinese.
  await page.goto(`${base}/accounts`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByTestId('accounts-filter-region').click();
  await page.keyboard.type(zh.slice(0, 4));
  await pickOption(page, zh);
  await page.waitForURL(new RegExp(`region=${code}`));
  await page.locator('.ant-table-row', { hasText: name }).waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 1);
  assert.match(await page.locator('.ant-table-row').first().textContent(), new RegExp(zh));
  await screenshot(page, 'refdata-05-accounts-filtered-zh');

  // In English: the same filter is searched by the English label and finds the same account, labelled in English.
  await page.evaluate(() => localStorage.setItem('keyaccount.locale', 'en'));
  await page.goto(`${base}/accounts`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByTestId('accounts-filter-region').click();
  await page.keyboard.type(en.slice(0, 8));
  await pickOption(page, en);
  await page.waitForURL(new RegExp(`region=${code}`));
  await page.locator('.ant-table-row', { hasText: name }).waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 1);
  assert.match(await page.locator('.ant-table-row').first().textContent(), new RegExp(en));
  await screenshot(page, 'refdata-06-accounts-filtered-en');
});
