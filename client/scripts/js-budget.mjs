// The one measure of a page's JavaScript: the gzipped size of every script an HTML file of dist/ loads (its entry and
// the chunks it preloads) and of what those import, transitively. `dynamic` also follows import(): for a page whose
// every part loads at once. Prints the figure and exits 1 over the budget. Run after `vite build` (deploy/test.sh does).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const staticImport = /(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g;
const anyImport = /import\s*(?:[^'"()]*?from\s*|\(\s*)?["']\.\/([^"']+\.js)["']/g;

export function checkBudget({ page, label, budgetKb, dynamic = false }) {
  const dist = new URL('../dist/', import.meta.url).pathname;
  const htmlFile = join(dist, page);
  if (!existsSync(htmlFile)) {
    console.error(`dist/${page} is missing: build the client first (npx vite build)`);
    process.exit(1);
  }
  const queue = [...readFileSync(htmlFile, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  if (queue.length === 0) {
    console.error(`dist/${page} loads no script from /assets: is it the built page?`);
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
    for (const m of code.toString().matchAll(dynamic ? anyImport : staticImport)) queue.push(`assets/${m[1]}`);
  }
  console.log(`${label}: ${(total / 1024).toFixed(1)} KB gzipped in ${seen.size} files (budget ${budgetKb} KB)`);
  if (total > budgetKb * 1024) {
    console.error(`${label} is over its budget of ${budgetKb} KB gzipped.`);
    process.exit(1);
  }
}
