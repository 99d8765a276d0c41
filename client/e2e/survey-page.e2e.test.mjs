// End-to-end: the public survey page (/s/{token}) on a 360 × 740 phone in the system Chromium, with the public
// response API answered by Playwright's route interception (fixtures per the surveys contract: e2e/fixtures), so it
// needs no survey in the database and runs before the server's public endpoints exist.
// Where the page comes from: with E2E_BASE_URL (deploy/test.sh) the API serves the built page at /s/{token}, so its real
// route, headers and CSP are what the browser gets; without it, the spec serves client/dist itself on a free local port
// with the same Content-Security-Policy (read from BrowserSecurityHeaders.cs), so `node --test e2e/survey-page.e2e.test.mjs`
// runs after a `vite build` alone.
// Env: E2E_BASE_URL (optional), E2E_SCREENSHOTS, CHROMIUM_PATH.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { openBrowser, screenshot } from './lib/browser.mjs';

const here = new URL('.', import.meta.url).pathname;
const dist = join(here, '..', 'dist');
const fixtures = JSON.parse(readFileSync(join(here, 'fixtures', 'public-survey.json'), 'utf8'));
const token = 'q7Jd-0Xb_9LmZ2nR4sTuVwYa1cEfGhIkMoPq3rStUvW';
const api = `/api/v1/public/surveys/${token}`;
const ids = fixtures.en.questions.map((q) => q.id);

let browser;
let page;
let server;
let base;
const violations = [];
const requests = [];
/** How the intercepted public API answers a POST: set per test. */
let answerPost;

/** The policy the API sends, as BrowserSecurityHeaders.cs spells it (its string literals, joined). */
function apiContentSecurityPolicy() {
  const source = readFileSync(join(here, '..', '..', 'src', 'KeyAccount.Api', 'Infrastructure', 'Delivery', 'BrowserSecurityHeaders.cs'), 'utf8');
  const declaration = /ContentSecurityPolicy\s*=\s*([\s\S]*?);\s*\n/.exec(source)?.[1];
  assert.ok(declaration, 'the CSP constant is found in BrowserSecurityHeaders.cs');
  return [...declaration.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
}

/** client/dist over HTTP as the API serves it: /s/{token} is survey.html, the rest are files. */
function serveDist() {
  const csp = apiContentSecurityPolicy();
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      const path = new URL(req.url, 'http://localhost').pathname;
      const file = /^\/s\/[^/]+$/.test(path) ? 'survey.html' : normalize(path).replace(/^(\.\.[/\\])+/, '').slice(1);
      const full = join(dist, file);
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Referrer-Policy', 'no-referrer');
      if (!file || !existsSync(full)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': types[extname(full)] ?? 'application/octet-stream' }).end(readFileSync(full));
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

before(async () => {
  assert.ok(existsSync(join(dist, 'survey.html')), 'client/dist/survey.html exists: build the client first (npx vite build)');
  if (process.env.E2E_BASE_URL) {
    base = process.env.E2E_BASE_URL.replace(/\/$/, '');
  } else {
    server = await serveDist();
    base = `http://127.0.0.1:${server.address().port}`;
  }
  ({ browser, page } = await openBrowser({ timeout: 15_000, locale: 'zh-CN', viewport: { width: 360, height: 740 } }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  page.on('console', (m) => {
    // Chromium logs every 4xx as "Failed to load resource": the 400 is the test's own.
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  // The public response API, as the contract has it.
  await page.route(`**${api}**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    requests.push({ method: request.method(), path: url.pathname + url.search, body: request.postData() });
    if (url.pathname.endsWith('/unsubscribe')) return route.fulfill({ status: 204 });
    if (request.method() === 'POST') return answerPost(route, JSON.parse(request.postData() ?? '{}'));
    const survey = fixtures[url.searchParams.get('lang') ?? 'zh-CN'];
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(survey) });
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openSurvey() {
  requests.length = 0;
  violations.length = 0;
  const response = await page.goto(`${base}/s/${token}`);
  assert.equal(response.status(), 200);
  await page.locator('form.survey-form').waitFor();
  return response;
}

/** Fails unless the page fits the phone's width and every target is at least 24 × 24 CSS px (WCAG 2.2 2.5.8). */
async function assertFitsThePhone(what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${what}: no horizontal scroll (${scrollWidth} > ${innerWidth})`);
  const targets = await page.evaluate(() =>
    [...document.querySelectorAll('button, .scale label, label.choice, textarea, a[href]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { what: `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 20)}"`, width: r.width, height: r.height, right: r.right };
    }),
  );
  assert.ok(targets.length > 20, `${what}: the targets are found (${targets.length})`);
  const small = targets.filter((t) => t.width < 24 || t.height < 24);
  assert.deepEqual(small, [], `${what}: every target is at least 24 × 24`);
  const outside = targets.filter((t) => t.right > 360.5);
  assert.deepEqual(outside, [], `${what}: every target is within the screen`);
  const smallest = Math.min(...targets.map((t) => Math.min(t.width, t.height)));
  console.log(`${what}: ${targets.length} targets, the smallest side ${smallest.toFixed(1)} px`);
  return smallest;
}

const question = (id) => page.locator(`[data-question="${id}"]`);

test('in Chinese (the invitation language): served unindexed, fits 360 px, targets at least 44 px, focus visible', async () => {
  const response = await openSurvey();
  if (process.env.E2E_BASE_URL) {
    const headers = response.headers();
    assert.equal(headers['x-robots-tag'], 'noindex');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.match(headers['content-security-policy'] ?? '', /script-src 'self'(;|$)/);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.locator('meta[name=robots]').getAttribute('content'), 'noindex');
  assert.equal(await page.locator('h1').textContent(), fixtures['zh-CN'].title);
  assert.deepEqual(requests.map((r) => r.path), [api]);
  const smallest = await assertFitsThePhone('zh-CN');
  assert.ok(smallest >= 44, `every target is at least 44 px (${smallest})`);

  // 0–10 wraps to two rows on a phone; its end labels are shown.
  const rows = await question(ids[0]).locator('.scale label').evaluateAll((labels) => new Set(labels.map((l) => Math.round(l.getBoundingClientRect().top))).size);
  assert.equal(rows, 2);
  assert.match(await question(ids[0]).locator('.scale-ends').textContent(), /0 = 完全不可能.*10 = 非常可能/);

  // Keyboard: the focused scale point shows a focus ring on its box.
  await page.locator('.lang-switch').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const input = document.activeElement;
    const label = input?.nextElementSibling;
    return { focused: input?.id, outline: label ? getComputedStyle(label).outlineStyle : 'none', width: label ? getComputedStyle(label).outlineWidth : '0' };
  });
  assert.equal(ring.focused, 'q0-0', 'Tab reaches the first question');
  assert.notEqual(ring.outline, 'none');
  assert.ok(parseFloat(ring.width) >= 2, `focus ring ${ring.width}`);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#q0-1').isChecked(), true, 'arrow keys move along the scale');

  await screenshot(page, 'survey-page-zh-360');
  assert.deepEqual(violations, []);
});

test('answer and submit (a double tap sends once) shows the thank-you', async () => {
  answerPost = async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ receivedAt: '2026-12-03T15:04:05+08:00' }) });
  };
  await openSurvey();
  await question(ids[0]).locator('label', { hasText: /^9$/ }).click();
  await question(ids[1]).locator('label', { hasText: /^4/ }).click();
  await question(ids[2]).getByLabel('三年以上').check();
  await question(ids[3]).getByLabel('产品质量').check();
  await question(ids[3]).getByLabel('售后服务').check();
  await question(ids[4]).locator('textarea').fill('希望缩短交付周期');
  assert.equal(await question(ids[4]).locator('.counter').textContent(), '8 / 200 字');
  await page.locator('button.submit').dblclick();
  await page.locator('h1', { hasText: '感谢您的反馈！' }).waitFor();

  const posts = requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1, 'sent once');
  assert.deepEqual(JSON.parse(posts[0].body), {
    answers: [
      { questionId: ids[0], number: 9 },
      { questionId: ids[1], number: 4 },
      { questionId: ids[2], choices: ['gt3'] },
      { questionId: ids[3], choices: ['quality', 'service'] },
      { questionId: ids[4], text: '希望缩短交付周期' },
    ],
  });
  await screenshot(page, 'survey-page-thanks-360');

  // The unsubscribe link posts the one-click body and confirms.
  await page.locator('button.unsubscribe').click();
  await page.locator('.unsubscribe-status', { hasText: '已退订' }).waitFor();
  const unsubscribe = requests.at(-1);
  assert.equal(unsubscribe.path, `${api}/unsubscribe`);
  assert.equal(unsubscribe.body, 'List-Unsubscribe=One-Click');
  assert.deepEqual(violations, []);
});

test("in English: the switch asks for the texts again, and the server's 400 lands on its question", async () => {
  answerPost = (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'https://keyaccount.dev/problems/validation',
        title: 'One or more validation errors occurred.',
        status: 400,
        errors: { 'answers[2].text': ['The answer is longer than 200 characters.'] },
      }),
    });
  await openSurvey();
  await page.locator('.lang-switch').click();
  await page.locator('h1', { hasText: fixtures.en.title }).waitFor();
  assert.equal(requests.at(-1).path, `${api}?lang=en`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await assertFitsThePhone('en');

  // Required questions first: nothing is sent without them.
  await page.locator('button.submit').click();
  await question(ids[0]).locator('.error', { hasText: 'Please answer this question.' }).waitFor();
  assert.equal(requests.filter((r) => r.method === 'POST').length, 0);

  await question(ids[0]).locator('label', { hasText: /^0/ }).click();
  await question(ids[1]).locator('label', { hasText: /^5/ }).click();
  await question(ids[4]).locator('textarea').fill('Faster delivery, please.');
  await page.locator('button.submit').click();
  // Sent: [Nps, Rating, Text]: answers[2] is the fifth question.
  await question(ids[4]).locator('.error', { hasText: 'longer than 200' }).waitFor();
  assert.equal(await question(ids[0]).locator('.error').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'the focus is on the question to correct');
  assert.equal(await question(ids[4]).locator('textarea').inputValue(), 'Faster delivery, please.');
  await assertFitsThePhone('en, with errors');
  await screenshot(page, 'survey-page-en-400-360');
  assert.deepEqual(violations, []);
});

test('no accessibility violations found by axe-core', async (t) => {
  let source;
  try {
    source = readFileSync(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  } catch {
    t.skip('axe-core is not installed in client/node_modules');
    return;
  }
  await openSurvey();
  await page.evaluate(source); // through the DevTools protocol: the page's CSP forbids an inline script
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
});
