// What every end-to-end spec shares: where the app is, the system Chromium launched the same way, screenshots taken
// once the page has settled, and the API called directly as a demo user. Specs import this; `node --test e2e/` runs
// only the *.test.mjs files.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots), CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080';
export const password = process.env.E2E_PASSWORD ?? 'KeyAccount!2026';
const shots = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), 'e2e-screenshots');

/**
 * Launches the system Chromium (never a downloaded one) headless, with what a sandboxed CI machine needs, and opens one
 * page in English at a desktop size. Returns the browser (close it in `after`) and the page.
 */
export async function openBrowser({ timeout = 30_000, locale = 'en-US', viewport = { width: 1440, height: 900 } } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { browser, page };
}

/** A full-page screenshot once loading overlays, antd's fade-ins and toasts have finished. */
export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 8_000 }).catch(() => {});
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** Signs a demo user in through the API: their token, who they are, and `call(path, init)` with the token sent. */
export async function apiAs(email) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(res.status, 200, `${email} signs in through the API`);
  const { accessToken, user } = await res.json();
  const call = (path, init = {}) => fetch(`${base}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${accessToken}` } });
  return { accessToken, user, call };
}

/**
 * Picks an option of the antd select that is open now on `page`, and waits for its dropdown to close (on a busy
 * machine a click during the dropdown's opening motion can be lost: then it clicks again).
 */
export async function pickOption(page, text) {
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    const option = open.locator('.ant-select-item-option', { hasText: text }).first();
    if (attempt > 1 && (await open.count()) === 0) return;
    await option.waitFor();
    await page.waitForTimeout(200);
    await option.click();
    try {
      await open.first().waitFor({ state: 'detached', timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}
