// The event contracts: one snapshot per event name and version, in contracts/events/, of the webhook body's schema as
// the exported OpenAPI document describes it (references resolved). A snapshot is written once, when its version
// first appears, and never rewritten: with --check, an event whose shape no longer matches its snapshot fails
// ("give it a new version"), and so does an event without one ("run deploy/openapi.sh").
//   node deploy/event-contracts.mjs <openapi.json> [--check]
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [documentPath, mode] = process.argv.slice(2);
const check = mode === '--check';
const document = JSON.parse(readFileSync(documentPath, 'utf8'));
const schemas = document.components?.schemas ?? {};
const folder = join(import.meta.dirname, '..', 'contracts', 'events');
mkdirSync(folder, { recursive: true });

// Inline every $ref, and drop what documents rather than constrains (descriptions, examples), so that a reworded
// description is not a new version while a new field, a changed type or a new enum value is.
function resolve(node, seen = []) {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) throw new Error(`recursive schema ${name}`);
    return resolve(schemas[name], [...seen, name]);
  }
  const out = {};
  for (const key of Object.keys(node).sort()) {
    if (key === 'description' || key === 'example' || key === 'examples') continue;
    out[key] = resolve(node[key], seen);
  }
  return out;
}

const problems = [];
const expected = new Set();
for (const [key, item] of Object.entries(document.webhooks ?? {})) {
  const body = item.post?.requestBody?.content?.['application/json']?.schema;
  const name = body?.properties?.type?.enum?.[0];
  const version = body?.properties?.version?.enum?.[0];
  if (!name || !version) {
    problems.push(`${key}: no declared name and version`);
    continue;
  }
  const file = `${name}.v${version}.json`;
  expected.add(file);
  const text = JSON.stringify(resolve(body), null, 2) + '\n';
  const path = join(folder, file);
  if (!existsSync(path)) {
    if (check) problems.push(`${name} v${version} has no contract snapshot: run deploy/openapi.sh and commit contracts/events/${file}`);
    else writeFileSync(path, text);
  } else if (readFileSync(path, 'utf8') !== text) {
    problems.push(`${name} v${version} changed shape: a published event keeps its shape; declare a new version ([PublicEvent("${name}", ${version + 1})]) for the new shape`);
  }
}
for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && !expected.has(f))) {
  // A retired version's snapshot stays as the record of what was published; only report it.
  console.log(`note: contracts/events/${file} is no longer emitted`);
}
if (problems.length) {
  console.error('Event contracts:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log(`Event contracts: ${expected.size} events match their snapshots.`);
