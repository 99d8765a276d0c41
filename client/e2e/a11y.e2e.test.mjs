// End-to-end accessibility: every page of the SPA (the routes of src/App.tsx, detail pages with a real id from the
// demo data through the API), signed in as a role that may use it, in zh-CN and in English. On each page axe-core
// runs (WCAG 2.0/2.1/2.2 A and AA) and must find no serious or critical violation; the page must have exactly one h1
// and a title of its own; at 390 px the document must not scroll sideways. Then the keyboard: the skip link, the
// user menu reached with Tab, opened with Enter, sign-out chosen with the keyboard. Counts per page are printed.
// Env: E2E_BASE_URL, E2E_PASSWORD (demo users' password), E2E_SCREENSHOTS (folder for page screenshots).
// Runs beside the other e2e files against the same database: it adds one complaint, one draft campaign and one
// webhook endpoint of its own (unique names) and changes nothing else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { apiAs, base, password, screenshot } from './lib/browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;

const users = {
  director: 'director@demo.keyaccount.local',
  manager: 'accountmanager@demo.keyaccount.local',
  agent: 'serviceagent@demo.keyaccount.local',
  quality: 'qualitymanager@demo.keyaccount.local',
  marketing: 'marketing@demo.keyaccount.local',
  admin: 'admin@demo.keyaccount.local',
};

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

/** A fresh browser context in `lang`, signed in as `email` through the login page. */
async function signedIn(email, lang) {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('keyaccount.locale')) localStorage.setItem('keyaccount.locale', l);
  }, lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/login`);
  await page.locator('input#email, input[type="email"], input[autocomplete="username"]').first().fill(email);
  await page.locator('input[type="password"]').first().fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

/** A fresh browser context in `lang`, nobody signed in (the login and set-password pages). */
async function signedOut(lang) {
  const context = await browser.newContext({ locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('keyaccount.locale', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Waits until the page has loaded its data: no spinner, no pending request for a moment. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, { timeout: 20_000 }).catch(() => {});
  await page.waitForTimeout(600);
}

/** axe-core on the page as it is now: its violations (every impact), the serious and critical ones listed. */
async function runAxe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }));
  });
}

/** The demo's ids for the detail pages, taken from the API (a complaint, a campaign, an endpoint made when there is none). */
async function demoIds() {
  const director = await apiAs(users.director);
  const json = async (r, what) => {
    assert.ok(r.ok, `${what}: ${r.status}`);
    return r.json();
  };
  const get = (who, path) => who.call(path).then((r) => json(r, `GET ${path}`));
  const post = (who, path, body) =>
    who.call(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body) }).then((r) => json(r, `POST ${path}`));
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

  const accounts = (await get(director, '/api/v1/accounts?status=Active&sort=name&pageSize=20')).items;
  const account = accounts[0];
  const agent = await apiAs(users.agent);
  let complaint = (await get(agent, '/api/v1/complaints?pageSize=1')).items?.[0];
  complaint ??= await post(agent, '/api/v1/complaints', {
    accountId: account.id, channel: 'Email', category: 'Billing', severity: 'Medium',
    subject: `a11y 发票重复 ${stamp}`, description: '三月发票寄了两次。', receivedAt: new Date().toISOString(),
  });
  const plan = (await get(director, '/api/v1/development-plans?pageSize=1')).items[0];
  const marketing = await apiAs(users.marketing);
  const templates = (await get(marketing, '/api/v1/surveys/templates?pageSize=50')).items;
  let campaign = (await get(marketing, '/api/v1/surveys/campaigns?pageSize=1')).items?.[0];
  const template = templates.find((t) => t.status === 'Published') ?? templates[0];
  campaign ??= await post(marketing, '/api/v1/surveys/campaigns', {
    name: `a11y 满意度调查 ${stamp}`, templateId: template.id, audience: { accountIds: [account.id] }, perAccountCap: 3,
    opensAt: new Date(Date.now() + 86_400_000).toISOString(), closesAt: new Date(Date.now() + 15 * 86_400_000).toISOString(),
    reminderAfterDays: 5, recurrence: 'None', defaultLanguage: 'zh-CN',
  });
  const admin = await apiAs(users.admin);
  const userList = (await get(admin, '/api/v1/users?pageSize=20')).items;
  let endpoint = (await get(admin, '/api/v1/webhooks/endpoints')).items?.[0];
  if (!endpoint) {
    // The API checks that an endpoint's host resolves to a public address: on a machine without DNS it cannot be made.
    const r = await admin.call('/api/v1/webhooks/endpoints', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify({ url: 'https://erp.example.cn/hooks/a11y', eventTypes: ['complaint.filed'], description: `a11y ${stamp}` }) });
    if (r.ok) endpoint = await r.json();
    else console.log(`no webhook endpoint to open (POST ${r.status}: ${(await r.text()).slice(0, 200)})`);
  }
  const policy = (await get(director, '/api/v1/tiering/policies')).items?.[0];
  return {
    account: account.id, complaint: complaint.id, plan: plan.id, campaign: campaign.id, template: template.id,
    user: userList.find((u) => u.role === 'AccountManager')?.id ?? userList[0].id, endpoint: endpoint?.id, policy: policy?.id,
  };
}

/** Every route of src/App.tsx, with the role that uses it. */
function routes(ids) {
  return [
    ['director', '/accounts'],
    ['manager', '/accounts/new'],
    ['director', `/accounts/${ids.account}`],
    ['director', `/accounts/${ids.account}/edit`],
    ['manager', '/today'],
    ['manager', '/reminders'],
    ['director', '/portfolio'],
    ['agent', '/complaints'],
    ['agent', '/complaints/new'],
    ['quality', '/complaints/metrics'],
    ['quality', '/complaints/sla-policy'],
    ['agent', `/complaints/${ids.complaint}`],
    ['manager', '/plans'],
    ['manager', '/plans/new'],
    ['director', `/plans/${ids.plan}`],
    ['director', `/plans/${ids.plan}/reviews`],
    ['marketing', '/surveys'],
    ['marketing', '/surveys/campaigns/new'],
    ['marketing', `/surveys/campaigns/${ids.campaign}`],
    ['marketing', `/surveys/campaigns/${ids.campaign}/edit`],
    ['marketing', '/surveys/templates/new'],
    ['marketing', `/surveys/templates/${ids.template}`],
    ['director', '/tiering/policies'],
    ...(ids.policy ? [['director', `/tiering/policies/${ids.policy}`]] : []),
    ['director', '/tiering/runs'],
    ['director', '/revenue/import'],
    ['admin', '/users'],
    ['admin', '/reference-data'],
    ['admin', '/admin/jobs'],
    ['admin', `/users/${ids.user}`],
    ['admin', '/webhooks'],
    ...(ids.endpoint ? [['admin', `/webhooks/${ids.endpoint}`]] : []),
    ['admin', '/api-clients'],
    ['director', '/403'],
    ['director', '/no-such-page'],
  ];
}

const slug = (path) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'id').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

test('every page, in zh-CN and English: no serious or critical axe violation, one h1, its own title, no sideways scroll at 390 px', { timeout: 30 * 60_000 }, async () => {
  const ids = await demoIds();
  const all = routes(ids);
  const failures = [];
  const report = [];
  for (const lang of ['zh-CN', 'en']) {
    const sessions = {};
    for (const [role, path] of [['signed-out', '/login'], ['signed-out', '/set-password'], ...all]) {
      sessions[role] ??= role === 'signed-out' ? await signedOut(lang) : await signedIn(users[role], lang);
      const { page } = sessions[role];
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}${path}`);
      await settle(page);
      const violations = await runAxe(page);
      const count = (impact) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes, 0);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const h1 = await page.locator('h1').count();
      const title = await page.title();
      const htmlLang = await page.evaluate(() => document.documentElement.lang);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(500);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (['/accounts', '/complaints', `/complaints/${ids.complaint}`, '/plans', '/surveys', `/accounts/${ids.account}`].includes(path)) {
        await screenshot(page, `a11y-390-${lang}-${slug(path)}`);
      }
      const line = `${lang} ${role.padEnd(9)} ${slug(path).padEnd(28)} critical ${count('critical')} serious ${count('serious')} moderate ${count('moderate')} minor ${count('minor')} h1 ${h1} width ${widths.scroll}/${widths.inner} title "${title}"`;
      report.push(line);
      console.log(line);
      for (const v of serious) console.log(`    ${v.impact} ${v.id} ×${v.nodes}: ${v.targets.join(' | ')}`);
      if (serious.length) failures.push(`${lang} ${path}: ${serious.map((v) => `${v.id}×${v.nodes}`).join(', ')}`);
      if (h1 !== 1) failures.push(`${lang} ${path}: ${h1} h1`);
      if (widths.scroll > widths.inner) failures.push(`${lang} ${path}: ${widths.scroll} px wide at ${widths.inner} px`);
      if (htmlLang !== lang) failures.push(`${lang} ${path}: <html lang="${htmlLang}">`);
      if (!title.endsWith(' · KeyAccount')) failures.push(`${lang} ${path}: title "${title}"`);
    }
    for (const s of Object.values(sessions)) await s.context.close();
  }
  const total = (impact) => report.map((l) => Number(l.match(new RegExp(`${impact} (\\d+)`))[1])).reduce((a, b) => a + b, 0);
  console.log(`pages ${report.length}: critical ${total('critical')} serious ${total('serious')} moderate ${total('moderate')} minor ${total('minor')}`);
  assert.deepEqual(failures, []);
});

test('the keyboard: the skip link leads to the content, Tab reaches the user menu, Enter opens it, the keyboard signs out', { timeout: 120_000 }, async () => {
  const { context, page } = await signedIn(users.manager, 'en');
  await page.goto(`${base}/accounts`);
  await settle(page);
  // The first Tab stop is the skip link; following it puts the focus in the main content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main-content', 'the skip link comes first');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content', 'the skip link moves the focus to the content');
  // From the top again: Tab until the user menu's button has the focus (it is in the header, before the content).
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.goto(`${base}/accounts`);
  await settle(page);
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'user-menu');
  }
  assert.ok(found, 'Tab reaches the user menu');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused user menu shows a focus outline');
  await page.keyboard.press('Enter');
  const signOut = page.getByRole('menuitem', { name: 'Sign out' });
  await signOut.waitFor();
  await screenshot(page, 'a11y-user-menu-open');
  // The menu's items by arrow keys, then Enter on "Sign out".
  for (let i = 0; i < 6; i++) {
    if (await signOut.evaluate((el) => el === document.activeElement || el.contains(document.activeElement) || el.classList.contains('ant-dropdown-menu-item-active'))) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/login/);
  await context.close();
});

test('at 390 px the navigation is a drawer opened by a labelled button, and the content keeps the full width', { timeout: 120_000 }, async () => {
  const { context, page } = await signedIn(users.manager, 'zh-CN');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/accounts`);
  await settle(page);
  const main = await page.locator('#main-content').boundingBox();
  // No side menu beside it: the content starts at the screen's edge (give or take the layout's 8 px gutter).
  assert.ok(main && main.x <= 8 && main.width >= 374, `the content spans the phone's width (${JSON.stringify(main)})`);
  const button = page.getByRole('button', { name: '打开导航' });
  await button.click();
  await page.locator('.ant-drawer-open').waitFor();
  await screenshot(page, 'a11y-390-zh-CN-drawer');
  await page.locator('.ant-drawer').getByRole('menuitem', { name: /客户发展计划/ }).click();
  await page.waitForURL(/\/plans/);
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await page.locator('.ant-drawer-open').count(), 0, 'choosing a page closes the drawer');
  await context.close();
});
