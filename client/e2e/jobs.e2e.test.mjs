// The scheduled jobs' Admin page in a real browser: the jobs listed, "run now" records a manual run that succeeds, its
// history shown; screenshots in zh-CN and English at 1280 px and 390 px.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { base, password, screenshot } from './lib/browser.mjs';

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

for (const lang of ['zh-CN', 'en']) {
  test(`an Admin runs the tiering job by hand and reads its history (${lang})`, { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 900 } });
    await context.addInitScript((l) => localStorage.setItem('keyaccount.locale', l), lang);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base}/login`);
    await page.locator('input[type="email"], input#email').first().fill('admin@demo.keyaccount.local');
    await page.locator('input[type="password"]').first().fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.goto(`${base}/admin/jobs`);
    await page.getByTestId('job-run-tiering-run').waitFor();
    assert.equal(await page.locator('h1').count(), 1);
    await page.getByTestId('job-run-tiering-run').click();
    const succeeded = lang === 'en' ? 'Succeeded' : '成功';
    await page.locator('#job-runs-title').waitFor();
    await page.locator('section[aria-labelledby="job-runs-title"] .ant-tag', { hasText: succeeded }).first().waitFor({ timeout: 120_000 });
    await screenshot(page, `jobs-1280-${lang}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll at 390 px');
    await screenshot(page, `jobs-390-${lang}`);
    await context.close();
  });
}
