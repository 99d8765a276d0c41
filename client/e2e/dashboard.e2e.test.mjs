// End-to-end: every dashboard figure opens the list behind it (issue 14, item 4). The demo Director signs in, opens the
// portfolio, follows the Strategic tier count to the accounts list and the SLA "breached" figure to the complaints
// queue, and each list holds as many rows as the figure said. Screenshots of the portfolio at 1280 and 390 px in
// zh-CN and en.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { apiAs, base, password, screenshot } from './lib/browser.mjs';

const director = 'director@demo.keyaccount.local';
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

async function signedIn(lang, width) {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('keyaccount.locale', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/login`);
  await page.locator('input#email, input[type="email"], input[autocomplete="username"]').first().fill(director);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

const numberIn = (text) => Number((text ?? '').replace(/[^\d]/g, ''));

/**
 * The list's own GET with these query parameters, as a promise taken before the click that opens the list: the list is
 * read only once its data has come, never the table's empty state from before (or a spinner not shown yet).
 */
function listResponse(page, path, params) {
  return page.waitForResponse((r) => {
    const url = new URL(r.url());
    return r.request().method() === 'GET' && url.pathname === path && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
  });
}

/**
 * The rows a list shows once `listed` (its response, from listResponse) has come: its pagination's total, or the rows
 * shown when it has none (an empty or one-page list). Waits (up to 15 s) until the page shows the response's total and
 * no spinner, then returns what the page shows, so a list that renders another figure still fails the assertion.
 */
async function listTotal(page, listed) {
  const response = await listed;
  assert.ok(response.ok(), `GET ${response.url()}: ${response.status()}`);
  const { totalCount } = await response.json();
  const shown = async () => {
    const total = page.locator('.ant-pagination-total-text');
    if (await total.count()) return numberIn(await total.first().textContent());
    return page.locator('.ant-table-tbody tr.ant-table-row').count();
  };
  for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(200)) {
    if ((await shown()) === totalCount && (await page.locator('.ant-spin-spinning').count()) === 0) break;
  }
  return shown();
}

/** Opens the portfolio from wherever the Director landed, and waits for its figures. */
async function openPortfolio(page) {
  if (!new URL(page.url()).pathname.startsWith('/portfolio')) await page.goto(`${base}/portfolio`);
  await page.locator('[data-testid="tier-count-Strategic"]').waitFor();
}

test('the Director follows the Strategic tier count and the SLA breached figure to lists of as many rows', async () => {
  const { call } = await apiAs(director);
  const portfolio = await (await call('/api/v1/dashboard')).json();
  const { context, page } = await signedIn('zh-CN', 1280);
  try {
    await openPortfolio(page);
    const strategic = page.locator('[data-testid="tier-count-Strategic"]');
    const figure = numberIn(await strategic.textContent());
    assert.equal(figure, portfolio.tiers.find((t) => t.tier === 'Strategic').accounts, 'the page shows the API figure');
    assert.equal(await strategic.getAttribute('href'), '/accounts?tier=Strategic&status=Active');
    const strategicList = listResponse(page, '/api/v1/accounts', { tier: 'Strategic', status: 'Active' });
    await strategic.click();
    await page.waitForURL(/\/accounts\?/);
    assert.equal(await listTotal(page, strategicList), figure, 'the accounts list holds as many Strategic accounts as the figure');

    await openPortfolio(page);
    const breached = page.locator('[data-testid="sla-breached"]');
    await breached.waitFor();
    const breachedFigure = numberIn(await breached.locator('.ant-statistic-content').textContent());
    assert.equal(breachedFigure, portfolio.sla.breached);
    // Keyboard: the figure is a link, reached and followed with the keyboard.
    await breached.focus();
    const breachedList = listResponse(page, '/api/v1/complaints', { slaState: 'Breached' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/complaints\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('slaState'), 'Breached');
    assert.equal(url.searchParams.get('open'), 'all');
    assert.ok(url.searchParams.get('receivedFrom') && url.searchParams.get('receivedTo'), 'the period of the figure');
    await page.locator('[data-testid="complaints-table"]').waitFor();
    assert.equal(await listTotal(page, breachedList), breachedFigure, 'the queue holds as many breached complaints as the figure');
    await page.locator('[data-testid="filter-received"]').waitFor();
    await screenshot(page, 'dashboard-breached-complaints-zh-CN-1280');

    // A heat-map cell of an at-risk band opens the at-risk list of its tier and band.
    await openPortfolio(page);
    const cell = portfolio.healthHeatMap.find((c) => c.band !== 'Green' && c.accounts > 0);
    if (cell) {
      await page.locator(`a[data-testid="heat-${cell.tier}-${cell.band}"]`).click();
      await page.waitForURL(/tab=at-risk/);
      await page.locator('[data-testid="at-risk-table"]').waitFor();
      // The total of the tab shown (the overview's tables stay in the page, hidden).
      const total = page.locator('.ant-pagination-total-text:visible, [data-testid="at-risk-table"] .ant-table-row:visible');
      await total.first().waitFor();
      await page.waitForTimeout(500);
      const shown = page.locator('.ant-pagination-total-text:visible');
      const count = (await shown.count()) ? numberIn(await shown.first().textContent()) : await page.locator('[data-testid="at-risk-table"] .ant-table-row:visible').count();
      assert.equal(count, cell.accounts, 'the at-risk list of that tier and band holds the cell’s accounts');
      await screenshot(page, 'dashboard-heat-cell-at-risk-zh-CN-1280');
    }
  } finally {
    await context.close();
  }
});

test('the portfolio in zh-CN and en at 1280 and 390 px', async () => {
  for (const lang of ['zh-CN', 'en']) {
    for (const width of [1280, 390]) {
      const { context, page } = await signedIn(lang, width);
      try {
        await openPortfolio(page);
        await page.locator('[data-testid="health-heat-map"]').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await screenshot(page, `dashboard-${lang}-${width}`);
        if (width === 390) assert.ok(overflow <= 1, `the portfolio does not scroll sideways at 390 px in ${lang} (${overflow} px)`);
      } finally {
        await context.close();
      }
    }
  }
});
