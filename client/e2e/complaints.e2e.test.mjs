// End-to-end: a service agent files a complaint through the intake form, acknowledges it, assigns it to themself,
// resolves it with a root cause and a corrective action, and sees every step on the timeline (then in Chinese).
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
// Runs beside the other e2e files against the same database (node:test runs files in parallel): it only adds a
// complaint of its own (a unique subject) and finds it by its reference, whatever else is in the queue; complaints
// change no tier, and the tier a complaint shows is the one its account had when it was filed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, base, openBrowser, password, pickOption as pickOptionOn, screenshot } from './lib/browser.mjs';

const agent = 'serviceagent@demo.keyaccount.local';

let browser;
let page;

before(async () => {
  // On a busy machine the API may still be migrating and seeding the demo when the run starts: wait until it is ready.
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/health/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  ({ browser, page } = await openBrowser());
});

after(async () => {
  await browser?.close();
});

const shot = (name) => screenshot(page, name);

/** The API directly, as the service agent: to pick a demo account and to check what was filed. */
async function apiAsAgent() {
  const { call: send, user } = await apiAs(agent);
  const call = async (path, body) => {
    const init = body ? { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${path}-${body.subject}` }, body: JSON.stringify(body) } : {};
    const r = await send(path, init);
    assert.equal(r.status, body ? 201 : 200, `${init.method ?? 'GET'} ${path}`);
    return r.json();
  };
  return { call, user };
}

/** Picks an option of the select that is open now (see pickOption in lib/browser.mjs). */
const pickOption = (text) => pickOptionOn(page, text);

/** Opens a workflow step's form, fills it and sends it; waits for the complaint's new status. */
async function step(buttonTestId, fill, status) {
  await page.getByTestId(buttonTestId).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('step-submit').click();
  await modal.waitFor({ state: 'detached' });
  await page.waitForFunction((s) => document.querySelector('[data-testid="complaint-status"]')?.textContent === s, status);
}

const actionButtons = async () => (await page.getByTestId('complaint-actions').locator('button').allTextContents()).map((s) => s.trim());

test('a service agent files a complaint, acknowledges, assigns it to themself, resolves it and reads the timeline', async () => {
  const { call, user } = await apiAsAgent();
  // A Key or Strategic account when there is one (shorter SLA targets), with contacts to choose from.
  const accounts = (await call('/api/v1/accounts?status=Active&sort=name&pageSize=50')).items;
  assert.ok(accounts.length > 0, 'the demo has active accounts');
  const account = accounts.find((a) => a.tier === 'Strategic' || a.tier === 'Key') ?? accounts[0];
  const contacts = (await call(`/api/v1/accounts/${account.id}/contacts`)).items;
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const subject = `E2E three pallets missing from SO-${stamp}`;
  // Another complaint, received three days ago and never answered: its first response is overdue in the queue.
  const overdue = await call('/api/v1/complaints', {
    accountId: account.id,
    channel: 'Email',
    category: 'Billing',
    severity: 'Low',
    subject: `E2E invoice sent twice ${stamp}`,
    description: 'The March invoice arrived twice.',
    receivedAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
  });

  // Sign in and open the complaints queue from the navigation.
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(agent);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A service agent lands on the queue (shell/home.ts); the menu leads there too.
  await page.waitForURL(/\/complaints$/);
  await page.getByRole('menuitem', { name: /Complaints/ }).click();
  await page.waitForURL(/\/complaints$/);
  await page.getByTestId('complaints-table').waitFor();

  // Intake: the account by search, a contact of it, category, severity, the customer's words and remedy.
  await page.getByTestId('new-complaint').click();
  await page.waitForURL(/\/complaints\/new$/);
  await page.getByTestId('intake-account').click();
  await page.keyboard.type(account.name);
  await pickOption(account.name);
  if (contacts.length > 0) {
    await page.getByTestId('intake-contact').click();
    await pickOption(contacts[0].name);
  }
  await page.getByTestId('intake-category').click();
  await pickOption(/^Delivery$/);
  await page.getByTestId('intake-severity').getByText('High', { exact: true }).click();
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Description (in the customer’s words)').fill('Delivered 17 of 20 pallets; the line stops on Friday without them.');
  await page.getByLabel('Requested remedy').fill('Deliver the missing pallets by Thursday');
  await shot('20-complaint-intake');

  // A double click files once: the form sends the same Idempotency-Key.
  await page.getByTestId('intake-submit').dblclick();
  await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
  const complaintUrl = page.url();
  await page.getByTestId('complaint-subject').waitFor();
  assert.equal((await page.getByTestId('complaint-subject').textContent()).trim(), subject);
  const reference = (await page.getByTestId('complaint-reference').textContent()).trim();
  assert.match(reference, /^CMP-\d{4}-\d{6}$/);
  assert.equal((await page.getByTestId('complaint-status').textContent()).trim(), 'New');
  assert.equal(await page.getByTestId('sla-first-response').getByTestId('sla-badge').getAttribute('data-state'), 'OnTime');
  assert.match(await page.getByTestId('sla-first-response').getByTestId('sla-badge').textContent(), /left$/);
  assert.deepEqual(await actionButtons(), ['Acknowledge'], 'a new complaint can only be acknowledged');
  const filed = (await call(`/api/v1/complaints?accountId=${account.id}&pageSize=200`)).items.filter((c) => c.subject === subject);
  assert.equal(filed.length, 1, 'the double click filed one complaint');

  // Acknowledge with the first response: the first-response clock stops.
  const response = `We are sorry; the missing pallets are located and we call you back by noon (${stamp}).`;
  await step('action-acknowledge', (modal) => modal.getByLabel('Response to the customer').fill(response), 'Acknowledged');
  await page.waitForFunction(() => document.querySelector('[data-testid="sla-first-response"] [data-testid="sla-badge"]')?.getAttribute('data-state') === 'Met');
  assert.deepEqual(await actionButtons(), ['Assign']);

  // Assign to the Logistics department and to me.
  await step(
    'action-assign',
    async (modal) => {
      await modal.getByTestId('assign-department').click();
      await pickOption(/^Logistics$/);
      assert.match(await modal.getByTestId('step-submit').textContent(), /Assign to me/);
    },
    'In progress',
  );
  assert.equal((await page.getByTestId('complaint-assignee').textContent()).trim(), user.displayName);
  assert.deepEqual(await actionButtons(), ['Reassign', 'Wait for customer', 'Resolve']);

  // My queue: the complaint is there with its live SLA countdown.
  await page.getByRole('menuitem', { name: /Complaints/ }).click();
  await page.waitForURL(/\/complaints$/);
  await page.getByTestId('queue-scope').getByText('My queue').click();
  await page.waitForURL(/mine=true/);
  const row = page.locator('.ant-table-row', { hasText: reference });
  await row.waitFor();
  assert.match(await row.getByTestId('sla-badge').textContent(), /left$|^overdue/);
  assert.match(await row.textContent(), new RegExp(user.displayName));
  assert.match(await row.textContent(), /In progress/);
  await shot('21-complaints-my-queue');

  // All complaints: the one received three days ago is red, overdue, first (the most urgent due time first).
  await page.getByTestId('queue-scope').getByText('All complaints').click();
  await page.waitForURL((url) => !url.search.includes('mine'));
  const late = page.locator('.ant-table-row', { hasText: overdue.reference });
  await late.waitFor();
  assert.equal(await late.getByTestId('sla-badge').getAttribute('data-state'), 'Breached');
  assert.match(await late.getByTestId('sla-badge').textContent(), /^overdue \d+ (d|h)/);
  await shot('22-complaints-queue');

  // Resolve: resolution, root cause and corrective action.
  await row.getByTestId('complaint-link').click();
  await page.waitForURL(complaintUrl);
  await page.getByTestId('complaint-actions').waitFor();
  await step(
    'action-resolve',
    async (modal) => {
      await modal.getByLabel('Resolution').fill('Delivered the 3 missing pallets by express on Wednesday');
      await modal.getByTestId('resolve-root-cause').click();
      await pickOption(/^Supplier$/);
      await modal.getByLabel('Corrective action').fill('Pallet count checked against the packing list at loading');
    },
    'Resolved',
  );
  assert.deepEqual(await actionButtons(), ['Close', 'Reopen']);
  const resolution = page.getByTestId('complaint-resolution');
  await resolution.waitFor();
  assert.match(await resolution.textContent(), /Supplier/);
  assert.equal(await page.getByTestId('sla-resolution').getByTestId('sla-badge').getAttribute('data-state'), 'Met');

  // A comment, then the timeline with each step: who, when, what.
  await page.getByRole('textbox', { name: 'Comment' }).fill(`Customer thanked us on the phone (${stamp})`);
  await page.getByTestId('comment-submit').click();
  await page.getByTestId('timeline-Comment').filter({ hasText: stamp }).waitFor();
  const timeline = page.getByTestId('complaint-timeline');
  assert.match(await timeline.getByTestId('timeline-Filed').textContent(), /Filed via Phone/);
  assert.match(await timeline.getByTestId('timeline-Acknowledged').textContent(), new RegExp(`${user.displayName}.*${stamp}`));
  assert.match(await timeline.getByTestId('timeline-Assigned').textContent(), new RegExp(`Assigned to ${user.displayName} \\(Logistics\\)`));
  assert.match(await timeline.getByTestId('timeline-Resolved').textContent(), /SupplierDelivered the 3 missing pallets/);
  assert.match(await timeline.getByTestId('timeline-Resolved').textContent(), /In progress.*Resolved/);
  await shot('23-complaint-resolved');

  // The same in Chinese.
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('处理记录').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="complaint-status"]')?.textContent === '已解决');
  assert.match(await timeline.getByTestId('timeline-Assigned').textContent(), /分派给.*（物流部）/);
  assert.match(await timeline.getByTestId('timeline-Resolved').textContent(), /供应商/);
  await shot('24-complaint-resolved-zh');
  // The demo has complaints in every status: the resolved ones are few enough for the first page.
  await page.goto(`${base}/complaints?status=Resolved`);
  await page.locator('.ant-table-row', { hasText: reference }).waitFor();
  await page.getByText('我的待办').waitFor();
  await shot('25-complaints-queue-zh');
});
