// End-to-end: the Content-Security-Policy the API sends (src/KeyAccount.Api/Infrastructure/Delivery) lets every page
// of the SPA and Swagger UI work: no violation is reported while they render, open menus and draw charts.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { base, openBrowser, password } from './lib/browser.mjs';

let browser;
let page;
const violations = [];

before(async () => {
  ({ browser, page } = await openBrowser({ timeout: 20_000 }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|CSP violation|Permissions-Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
});

after(async () => {
  await browser?.close();
});

test('the SPA renders its pages under the CSP without a violation', async () => {
  const response = await page.goto(`${base}/login`);
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'(;|$)/, 'no inline script allowed');
  await page.getByLabel('Email').fill('director@demo.keyaccount.local');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));

  await page.goto(`${base}/accounts`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByTestId('filter-tier').click();
  await page.locator('.ant-select-item-option').first().waitFor();
  await page.keyboard.press('Escape');
  const account = await page.locator('.ant-table-row td:first-child a').first().getAttribute('href');

  const pages = [account, `${account}?tab=contacts`, `${account}?tab=interactions`, `${account}?tab=complaints`, `${account}?tab=history`, `${account}/edit`, '/accounts/new', '/reminders', '/portfolio', '/complaints', '/complaints/new', '/complaints/metrics', '/complaints/sla-policy', '/tiering/policies', '/tiering/runs'];
  for (const path of pages) {
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
  }
  // A chart's tooltip is styled inline by ECharts.
  await page.goto(`${base}${account}?tab=revenue`, { waitUntil: 'networkidle' });
  await page.getByTestId('revenue-chart').hover();
  await page.waitForTimeout(300);

  assert.deepEqual(violations, []);
});

test('Swagger UI renders and "Try it out" signs in under its CSP', async () => {
  violations.length = 0;
  await page.goto(`${base}/swagger`);
  // Tags start folded (over a hundred paths): unfold Auth. Swagger UI parses the whole document first: on a loaded
  // 2-CPU machine that took 16 s once.
  await page.locator('.opblock-tag[data-tag="Auth"]').click({ timeout: 60_000 });
  const login = page.locator('.opblock-post', { hasText: '/api/v1/auth/login' }).first();
  await login.locator('.opblock-summary').click();
  await login.getByRole('button', { name: 'Try it out' }).click();
  await login.locator('textarea.body-param__text').fill(JSON.stringify({ email: 'director@demo.keyaccount.local', password }));
  await login.getByRole('button', { name: 'Execute' }).click();
  const status = login.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor();
  assert.equal((await status.textContent()).trim(), '200');
  assert.deepEqual(violations, []);
});
