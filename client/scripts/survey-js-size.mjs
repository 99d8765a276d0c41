// The public survey page's budget (issue 13: under 50 KB of JavaScript, gzipped): prints the gzipped size of every
// script dist/survey.html loads (its entry, the chunks it preloads and what they import statically, transitively) and
// exits 1 over the budget. Run after `vite build` (deploy/test.sh does).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const budgetKb = 50;
const dist = new URL('../dist/', import.meta.url).pathname;
const htmlFile = join(dist, 'survey.html');
if (!existsSync(htmlFile)) {
  console.error('dist/survey.html is missing: build the client first (npx vite build)');
  process.exit(1);
}
const html = readFileSync(htmlFile, 'utf8');
const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
if (queue.length === 0) {
  console.error('dist/survey.html loads no script from /assets: is it the built page?');
  process.exit(1);
}
const seen = new Set();
let total = 0;
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file));
  total += gzipSync(code, { level: 9 }).length;
  // Static imports (`import ... from "./x.js"`, `import "./x.js"`) and dynamic ones too: the page has no lazy part, so
  // anything it can load counts.
  for (const m of code.toString().matchAll(/import\s*(?:[^'"()]*?from\s*|\(\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(`assets/${m[1]}`);
  }
}
const kb = (total / 1024).toFixed(1);
console.log(`JavaScript of the survey page: ${kb} KB gzipped in ${seen.size} files (budget ${budgetKb} KB): ${[...seen].join(', ')}`);
if (total > budgetKb * 1024) {
  console.error(`The survey page's JavaScript is over its budget of ${budgetKb} KB gzipped.`);
  process.exit(1);
}
