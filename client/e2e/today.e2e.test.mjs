// End-to-end (issue 14, item 1): each role's home. The demo account manager signs in and lands on My day, marks a next
// step done and it stays gone after a reload; a service agent lands on the complaint queue. Screenshots of My day at
// 1280 and 390 px in English and Chinese (today-*.png in E2E_SCREENSHOTS).
// Runs beside the other e2e files against the same database: the next step it completes is its own (a unique text).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, screenshot } from './lib/browser.mjs';

const manager = 'accountmanager@demo.keyaccount.local';
const agent = 'serviceagent@demo.keyaccount.local';

let desk;
let phone;

before(async () => {
  // On a busy machine the API may still be migrating and seeding the demo when the run starts: wait until it is ready.
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  desk = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  phone = await openBrowser({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
});

after(async () => {
  await desk?.browser.close();
  await phone?.browser.close();
});

async function signIn(page, email) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/Email|邮箱/).fill(email);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Sign in|登\s?录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Switches the UI language: the header's switch (中文 / English) on a wide screen, the user menu's on a phone. */
async function language(page, label) {
  const inHeader = page.getByText(label, { exact: true });
  if ((await inHeader.count()) > 0 && (await inHeader.first().isVisible())) {
    await inHeader.first().click();
    return;
  }
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: label }).click();
}

/** Today on the business calendar (China Standard Time), as yyyy-MM-dd. */
function beijingToday() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

test('the account manager lands on My day, marks a next step done, and it stays done after a reload', async () => {
  // A next step due today on one of the manager's accounts, logged through the API (the demo has none of its own).
  const { call, user } = await apiAs(manager);
  const accounts = await (await call(`/api/v1/accounts?ownerId=${user.id}&pageSize=1`)).json();
  const account = accounts.items[0];
  assert.ok(account, 'the demo manager owns an account');
  const text = `E2E 发送修订报价 ${Date.now()}`;
  const logged = await call(`/api/v1/accounts/${account.id}/interactions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'Call', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: '电话沟通报价', nextStep: text, nextStepDue: beijingToday() }),
  });
  assert.equal(logged.status, 201, await logged.text());

  const { page } = desk;
  await signIn(page, manager);
  await page.waitForURL(/\/today$/);
  // Sections show their first items; the rest (the demo's overdue steps come first) one click away.
  const steps = page.getByTestId('today-next-steps');
  await steps.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
  await screenshot(page, 'today-1280-en');
  await language(page, '中文');
  await page.getByRole('heading', { level: 1, name: '我的一天' }).waitFor();
  await screenshot(page, 'today-1280-zh');

  if (await steps.getByTestId('show-all').count()) await steps.getByTestId('show-all').click();
  const item = page.getByTestId('next-step').filter({ hasText: text });
  await item.waitFor();
  assert.equal(await item.getByTestId('due-status').getAttribute('data-status'), 'DueToday');

  await item.getByTestId('next-step-done').click();
  await item.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('today-next-steps').waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  if (await steps.getByTestId('show-all').count()) await steps.getByTestId('show-all').click();
  assert.ok((await page.getByTestId('next-step').count()) > 0, 'the other steps are listed');
  assert.equal(await page.getByTestId('next-step').filter({ hasText: text }).count(), 0, 'the done step stays gone after a reload');
  await language(page, 'English');

  // The API agrees: done twice is done once.
  const interactions = await (await call(`/api/v1/accounts/${account.id}/interactions?pageSize=5`)).json();
  const mine = interactions.items.find((i) => i.nextStep === text);
  assert.ok(mine?.nextStepDoneAt, 'the interaction records when its next step was done');
});

test('My day on a phone, in Chinese and English, does not scroll sideways', async () => {
  const { page } = phone;
  await signIn(page, manager);
  await page.waitForURL(/\/today$/);
  await page.getByTestId('today-next-steps').waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  await screenshot(page, 'today-390-zh');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `My day is ${width} px wide at 390 px`);
  await language(page, 'English');
  await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
  await screenshot(page, 'today-390-en');
  await page.evaluate(() => localStorage.clear());
});

test('a service agent lands on the complaint queue', async () => {
  const { page } = phone;
  await page.evaluate(() => localStorage.clear());
  await signIn(page, agent);
  await page.waitForURL(/\/complaints$/);
  await page.getByTestId('complaints-table').waitFor();
  await screenshot(page, 'today-agent-queue-390');
});
