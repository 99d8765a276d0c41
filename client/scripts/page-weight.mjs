// Loads one page of a running KeyAccount in headless Chromium with an empty cache and prints what crossed the wire,
// as one JSON line (last): deploy/page-weight.sh starts the API and calls this.
// Usage: node scripts/page-weight.mjs <base-url> [path=/login]
// Figures (bytes, every response the page loads until the network is idle):
//   transferred    — on the wire, headers included (CDP Network.loadingFinished encodedDataLength)
//   encodedBody    — bodies as sent (compressed when the server compressed them)
//   decodedBody    — bodies after decoding: the uncompressed size
//   gzipIfAll / brotliIfAll — the same bodies compressed here (gzip -9, Brotli 11), as a reference
// CSP violations and script errors are listed too (and make the exit code 1).
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://127.0.0.1:5080').replace(/\/$/, '');
const path = process.argv[3] ?? '/login';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  const requests = new Map(); // requestId -> { url, status, encoding }
  const finished = new Map(); // requestId -> encodedDataLength
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    requests.set(e.requestId, { url: e.response.url, status: e.response.status, encoding: headers['content-encoding'] ?? 'identity', type: e.type });
  });
  cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.encodedDataLength));

  // CSP violations (console and the securitypolicyviolation event) and script errors fail the run; other console
  // errors (a 401 from the signed-out session check) are only listed.
  const problems = [];
  const consoleErrors = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile ?? ''}:${e.lineNumber ?? ''})`),
    );
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|CSP violation/i.test(m.text())) problems.push(m.text());
    else if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  const bodies = [];
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      const sizes = await response.request().sizes();
      bodies.push({ url: response.url(), decoded: body.length, encodedBody: sizes.responseBodySize, body });
    } catch {
      // redirects and aborted requests have no body
    }
  });

  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.getByRole('button').first().waitFor();
  await page.waitForTimeout(500);

  let transferred = 0;
  const byEncoding = {};
  for (const [id, length] of finished) {
    transferred += length;
    const encoding = requests.get(id)?.encoding ?? 'unknown';
    byEncoding[encoding] = (byEncoding[encoding] ?? 0) + 1;
  }
  let decodedBody = 0;
  let encodedBody = 0;
  let gzipIfAll = 0;
  let brotliIfAll = 0;
  for (const b of bodies) {
    decodedBody += b.decoded;
    encodedBody += b.encodedBody;
    gzipIfAll += gzipSync(b.body, { level: 9 }).length;
    brotliIfAll += brotliCompressSync(b.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }

  for (const b of bodies.sort((x, y) => y.decoded - x.decoded)) {
    const r = [...requests.values()].find((q) => q.url === b.url);
    console.log(`${String(b.decoded).padStart(9)} → ${String(b.encodedBody).padStart(9)}  ${(r?.encoding ?? '').padEnd(8)} ${r?.status ?? ''} ${b.url.replace(base, '')}`);
  }
  for (const p of consoleErrors) console.log(`console error: ${p}`);
  for (const p of problems) console.log(`problem: ${p}`);
  const kb = (n) => Math.round((n / 1024) * 10) / 10;
  console.log(
    JSON.stringify({
      page: path,
      requests: finished.size,
      transferredBytes: transferred,
      encodedBodyBytes: encodedBody,
      decodedBodyBytes: decodedBody,
      gzipIfAllBytes: gzipIfAll,
      brotliIfAllBytes: brotliIfAll,
      transferredKB: kb(transferred),
      decodedKB: kb(decodedBody),
      contentEncodings: byEncoding,
      problems: problems.length,
    }),
  );
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
}
