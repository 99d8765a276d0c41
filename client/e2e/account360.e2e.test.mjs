// End-to-end: the customer 360 in tabs, as the demo account manager uses it. The tabs are kept in the URL (a link opens
// one, Back returns to the previous one); a contact's attitude and target level are edited in the org map and the gap
// the server flags shows; a complaint is filed from the Complaints tab with the account filled in. Screenshots of every
// tab at 1280 px in Chinese (and a few in English, and at 390 px): account360-*.png in E2E_SCREENSHOTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, pickOption, screenshot } from './lib/browser.mjs';

const manager = 'accountmanager@demo.keyaccount.local';
const TABS = ['overview', 'contacts', 'interactions', 'revenue', 'complaints', 'plan', 'satisfaction', 'history'];

let browser;
let page;

before(async () => {
  ({ browser, page } = await openBrowser({ timeout: 30_000, viewport: { width: 1280, height: 900 } }));
});

after(async () => {
  await browser?.close();
});

const shot = (name) => screenshot(page, `account360-${name}`);

/** What each tab shows once it has loaded. */
async function tabLoaded(tab) {
  const content = {
    overview: () => page.getByTestId('health-panel').waitFor(),
    contacts: () => page.getByTestId('org-chart').waitFor(),
    interactions: () => page.getByTestId('interaction-form').waitFor(),
    revenue: () => page.getByTestId('revenue-chart').waitFor(),
    complaints: () => page.getByTestId('account-complaints').locator('.ant-table-row').first().waitFor(),
    plan: () => page.getByTestId('account-plan').waitFor(),
    satisfaction: () => page.getByTestId('account-satisfaction').waitFor(),
    history: () => page.getByTestId('audit-history').locator('.ant-table-row').first().waitFor(),
  }[tab];
  await content();
  const selected = page.locator('.ant-tabs-tab-active [data-testid]');
  assert.equal(await selected.getAttribute('data-testid'), `account-tab-${tab}`);
}

test('the account manager opens an account, switches tabs by URL, edits a contact’s attitude and target level, and files a complaint from the Complaints tab', async () => {
  const { call } = await apiAs(manager);
  const json = async (path, init) => {
    const res = await call(path, init);
    assert.ok(res.ok, `${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.clone().text()}`);
    return res.status === 204 ? null : res.json();
  };
  // One of the manager's key accounts with a contact below the top relationship level (the target edited below).
  const accounts = (await json('/api/v1/accounts?status=Active&sort=name&pageSize=100')).items;
  assert.ok(accounts.length > 0, 'the demo manager has accounts');
  const ranked = [...accounts.filter((a) => a.tier === 'Strategic' || a.tier === 'Key'), ...accounts];
  let account;
  let contact;
  for (const a of ranked) {
    const found = (await json(`/api/v1/accounts/${a.id}/contacts`)).items.find((c) => c.relationshipLevel !== 'TrustedAdvisor' && c.buyingRole !== 'DecisionMaker');
    if (found) {
      account = a;
      contact = found;
      break;
    }
  }
  assert.ok(account && contact, 'an account with a contact to develop');

  // Sign in, and open the account by its link.
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(manager);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${base}/accounts/${account.id}`);
  await page.getByTestId('account-name').waitFor();
  assert.equal((await page.getByTestId('account-name').textContent()).trim(), account.name);
  await tabLoaded('overview');
  const tabs = (await page.locator('.ant-tabs-tab [data-testid^="account-tab-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))).map((id) => id.replace('account-tab-', ''));
  assert.deepEqual(tabs, TABS, 'an account manager sees every tab of the 360');
  await shot('en-overview');

  // A tab by URL; another by a click (a new history entry); Back returns to the first.
  await page.goto(`${base}/accounts/${account.id}?tab=contacts`);
  await tabLoaded('contacts');
  await page.getByTestId('account-tab-interactions').click();
  await page.waitForURL(/\?tab=interactions$/);
  await tabLoaded('interactions');
  await page.goBack();
  await page.waitForURL(/\?tab=contacts$/);
  await tabLoaded('contacts');

  // Edit the contact: against us, and a higher target level than today's → the server flags the gap.
  // By its id: two contacts of one account may share a name (the demo has two 杨军 at one customer).
  const node = page.locator(`[data-testid="contact-node"][data-contact-id="${contact.id}"]`);
  await node.getByTestId('contact-edit').click();
  const form = page.getByTestId('contact-form');
  await form.waitFor();
  await form.getByLabel('Attitude').click();
  await pickOption(page, /^Opponent$/);
  await form.getByLabel('Target level').click();
  await pickOption(page, /^Trusted advisor$/);
  await shot('en-contact-edit');
  await form.getByTestId('contact-submit').click();
  await form.waitFor({ state: 'detached' });
  await node.locator('[data-testid="contact-gap"][data-gap="BelowTargetRelationship"]').waitFor();
  assert.match(await node.getByTestId('contact-level').textContent(), /→ Trusted advisor/);
  assert.match(await node.textContent(), /Opponent/);
  const saved = (await json(`/api/v1/accounts/${account.id}/contacts`)).items.find((c) => c.id === contact.id);
  assert.equal(saved.attitude, 'Opponent');
  assert.equal(saved.targetRelationshipLevel, 'TrustedAdvisor');
  assert.ok(saved.gaps.includes('BelowTargetRelationship'), 'the API flags the gap too');
  await shot('en-contacts-gap');

  // File a complaint from the Complaints tab: the intake opens with the account filled in.
  await page.getByTestId('account-tab-complaints').click();
  await page.waitForURL(/\?tab=complaints$/);
  await page.getByTestId('account-complaints').waitFor();
  await page.getByTestId('account-file-complaint').click();
  await page.waitForURL(new RegExp(`/complaints/new\\?accountId=${account.id}$`));
  await page.getByTestId('intake-account').getByText(account.name).waitFor();
  const subject = `E2E 360: wrong labels on the last delivery ${Date.now()}`;
  await page.getByTestId('intake-category').click();
  await pickOption(page, /^Delivery$/);
  await page.getByTestId('intake-severity').getByText('Medium', { exact: true }).click();
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Description (in the customer’s words)').fill('The labels on two pallets named another customer.');
  await shot('en-complaint-intake-prefilled');
  await page.getByTestId('intake-submit').click();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  await page.getByTestId('complaint-subject').waitFor();
  const filed = await json(`/api/v1/complaints/${page.url().split('/').pop()}`);
  assert.equal(filed.accountId, account.id);
  assert.equal(filed.subject, subject);

  // Back on the account's tab, the complaint is listed with its state and SLA.
  await page.goto(`${base}/accounts/${account.id}?tab=complaints`);
  const row = page.getByTestId('account-complaints').locator('.ant-table-row', { hasText: filed.reference });
  await row.waitFor();
  await row.getByTestId('sla-badge').waitFor();

  // Every tab in Chinese, by URL, at 1280 px.
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('联系人与决策链').first().waitFor();
  for (const tab of TABS) {
    await page.goto(`${base}/accounts/${account.id}${tab === 'overview' ? '' : `?tab=${tab}`}`);
    await tabLoaded(tab);
    await shot(`zh-${String(TABS.indexOf(tab) + 1).padStart(2, '0')}-${tab}`);
  }
  await page.goto(`${base}/accounts/${account.id}?tab=contacts`);
  await tabLoaded('contacts');
  await page.locator(`[data-testid="contact-node"][data-contact-id="${contact.id}"]`).getByText('未达目标关系层级').waitFor();

  // On a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ['overview', 'contacts', 'complaints']) {
    await page.goto(`${base}/accounts/${account.id}${tab === 'overview' ? '' : `?tab=${tab}`}`);
    await tabLoaded(tab);
    await shot(`zh-390-${tab}`);
  }
});
