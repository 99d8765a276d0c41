// Prints the gzipped size of the JavaScript the login page loads before any interaction
// (the entry script and every chunk it imports statically, transitively).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const seen = new Set();
let total = 0;
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file));
  total += gzipSync(code, { level: 9 }).length;
  // Static imports only: `import ... from "./x.js"` and `import "./x.js"` (dynamic import() chunks load later).
  for (const m of code.toString().matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(`assets/${m[1]}`);
  }
}
const kb = (total / 1024).toFixed(1);
console.log(`Initial JavaScript of the login page: ${kb} KB gzipped in ${seen.size} files (budget 350 KB)`);
if (total > 350 * 1024) process.exit(1);
