#!/usr/bin/env node
// KeyAccount HTTP fuzzer (Node 20, ESM, no packages). Normally started by deploy/fuzz.sh, which runs the API on a
// throwaway database; it can also be pointed at any running instance that has the demo users:
//   FUZZ_BASE_URL=http://127.0.0.1:5080 FUZZ_PASSWORD='KeyAccount!2026' node deploy/fuzz/fuzz.mjs
//
// It reads the OpenAPI document from the server (so new operations are covered without changes here), signs in as
// the demo users, creates seed resources so that path ids resolve, learns which roles may call each operation
// (the "baseline": one valid request per operation and role, anonymous included), then sends mutated requests,
// deterministic from FUZZ_SEED within a budget of FUZZ_REQUESTS, in six named classes:
//   time, strings, numbers, structure, http, concurrency.
// Valid probe requests, as a user the mutations never use, run after every FUZZ_PROBE_EVERY requests, right after
// every 5xx and right after every accepted (2xx) write: a probe that fails shows that a bad request broke later good
// ones (a poisoned pooled connection, or a hostile value that was stored). Every response is checked for 5xx,
// non-problem+json errors, leaked internals, and 2xx answers to requests the design says must be refused.
// Requests use the global fetch, except those whose bytes fetch would change (raw paths, odd methods, non-ASCII
// header values), which go through node:http.
//
// Output: progress on stdout, a detailed JSON report (FUZZ_REPORT), and a one-line JSON summary as the last line of
// stdout (also written to FUZZ_SUMMARY when set). Exit 0 when no 5xx and no failed probe, 1 otherwise.
// With FUZZ_API_LOG (the API's console log in the JSON format, with scopes), every 5xx is joined by trace id to the
// exception the server logged for it.
//
//   node deploy/fuzz/fuzz.mjs --log-summary api.log    groups a JSON console log's errors by exception and top frame.
//
// Env: FUZZ_BASE_URL, FUZZ_PASSWORD (demo users' password), FUZZ_SEED (1), FUZZ_REQUESTS (4000: requests sent, the
// baseline included; probes and setup requests are not counted), FUZZ_PROBE_EVERY (50),
// FUZZ_TIMEOUT_MS (15000), FUZZ_REPORT, FUZZ_SUMMARY, FUZZ_API_LOG, FUZZ_SIGNING_KEY (the API's Auth__SigningKey:
// enables correctly signed tokens with expired or odd claims), FUZZ_CONCURRENCY_ROUNDS (3), FUZZ_HUGE (4: bodies
// above 1 MB), FUZZ_VERBOSE (1: print every 5xx as it happens).

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const LOG_SUMMARY_MODE = process.argv[2] === '--log-summary';

// ───────────────────────────── configuration ─────────────────────────────

const env = process.env;
const BASE = (env.FUZZ_BASE_URL || '').replace(/\/$/, '');
const PASSWORD = env.FUZZ_PASSWORD || 'KeyAccount!2026';
const SEED = int(env.FUZZ_SEED, 1);
const BUDGET = int(env.FUZZ_REQUESTS, 4000);
const PROBE_EVERY = Math.max(1, int(env.FUZZ_PROBE_EVERY, 50));
const TIMEOUT_MS = int(env.FUZZ_TIMEOUT_MS, 15000);
const REPORT = env.FUZZ_REPORT || path.join(os.tmpdir(), `keyaccount-fuzz-report-${SEED}-${Date.now()}.json`);
const SUMMARY = env.FUZZ_SUMMARY || '';
const API_LOG = env.FUZZ_API_LOG || '';
const SIGNING_KEY = env.FUZZ_SIGNING_KEY || '';
const CONCURRENCY_ROUNDS = int(env.FUZZ_CONCURRENCY_ROUNDS, 3);
const HUGE_CAP = int(env.FUZZ_HUGE, 4);
const VERBOSE = env.FUZZ_VERBOSE === '1';
const MAX_AFTER_5XX_PROBES = 300;
const MAX_AFTER_WRITE_PROBES = 800;

const ROLES = ['director', 'accountmanager', 'serviceagent', 'qualitymanager', 'admin', 'marketing'];
const PROBE_USER = 'accountmanager2';
const DEMO_DOMAIN = 'demo.keyaccount.local';
const CLASSES = ['time', 'strings', 'numbers', 'structure', 'http', 'concurrency'];
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
// Login is fuzzed with a user that does not exist: wrong passwords for the demo users would lock them out (5 failures)
// and a locked user's tokens stop working, which would look like probe failures.
const LOGIN_EMAIL = 'fuzz-nobody@fuzz.invalid';

if (!BASE && !LOG_SUMMARY_MODE) {
  console.error('FUZZ_BASE_URL is required (deploy/fuzz.sh sets it).');
  process.exit(2);
}

function int(v, d) {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) ? n : d;
}

// ───────────────────────────── deterministic randomness ─────────────────────────────

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Two streams: the plan (which cases, in which order, as whom) depends only on the seed and the document; values
// drawn while sending (idempotency keys, registration numbers) come from the second stream.
const planRng = mulberry32(SEED * 7919 + 1);
const valRng = mulberry32(SEED * 104729 + 7);
const rint = (n, r = planRng) => Math.floor(r() * n);
const pick = (a, r = planRng) => a[rint(a.length, r)];
function shuffle(a, r = planRng) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rint(i + 1, r);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function seededUuid(r = valRng) {
  const h = Array.from({ length: 32 }, () => rint(16, r).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
let uniqueCounter = 0;
const unique = (prefix) => `${prefix}${SEED}-${++uniqueCounter}-${rint(1e6, valRng)}`;

// ───────────────────────────── JSON with raw tokens ─────────────────────────────

/** Text written verbatim into the JSON (numbers JavaScript cannot hold, NaN, invalid tokens). */
class Raw {
  constructor(text) { this.text = text; }
}
/** An object whose keys may repeat. */
class Dup {
  constructor(entries) { this.entries = entries; }
}
const DELETE = Symbol('delete');

function toJson(v) {
  if (v instanceof Raw) return v.text;
  if (v instanceof Dup) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  return `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
}
function clone(v) {
  if (v === null || typeof v !== 'object' || v instanceof Raw || v instanceof Dup) return v;
  if (Array.isArray(v)) return v.map(clone);
  if (Buffer.isBuffer(v)) return v;
  const o = {};
  for (const [k, x] of Object.entries(v)) o[k] = clone(x);
  return o;
}
const deep = (n, leaf = 1) => { let v = leaf; for (let i = 0; i < n; i++) v = [v]; return v; };
const deepObj = (n) => { let v = 1; for (let i = 0; i < n; i++) v = { a: v }; return v; };

// ───────────────────────────── HTTP ─────────────────────────────

const stats = { setupRequests: 0 };

/**
 * Sends one request. req: { method, path (with query), headers, body: Buffer|undefined, raw: use node:http with the
 * path bytes as given (fetch would normalise them) }. Never throws: failures come back as { status: 0, error }.
 */
async function send(req) {
  const started = Date.now();
  const headers = { ...req.headers };
  try {
    if (req.raw || needsRaw(req)) return await sendRaw(req, headers, started);
    const res = await fetch(BASE + req.path, {
      method: req.method,
      headers,
      body: req.body === undefined || req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    let text = '';
    try {
      const buf = Buffer.from(await res.arrayBuffer());
      text = buf.toString('utf8');
    } catch (e) {
      return { status: res.status, headers: headerObject(res.headers), text: '', ms: Date.now() - started, error: `body: ${errName(e)}` };
    }
    return { status: res.status, headers: headerObject(res.headers), text, ms: Date.now() - started };
  } catch (e) {
    const timeout = e?.name === 'TimeoutError' || e?.name === 'AbortError';
    return { status: 0, headers: {}, text: '', ms: Date.now() - started, error: timeout ? 'timeout' : errName(e), timeout };
  }
}
function errName(e) {
  const c = e?.cause;
  return [e?.name, e?.message, c?.code, c?.message].filter(Boolean).join(': ').slice(0, 200);
}
function headerObject(h) {
  const o = {};
  h.forEach((v, k) => { o[k] = v; });
  return o;
}
function needsRaw(req) {
  if (!/^(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS)$/.test(req.method)) return true;
  // fetch only takes ByteString header values and sets some headers itself.
  return Object.values(req.headers).some((v) => /[^\t\x20-\x7e\x80-\xff]/.test(String(v)))
    || (req.body !== undefined && (req.method === 'GET' || req.method === 'HEAD'));
}
function sendRaw(req, headers, started) {
  return new Promise((resolve) => {
    const url = new URL(BASE);
    const h = {};
    for (const [k, v] of Object.entries(headers)) {
      // Non-latin1 values go out as their UTF-8 bytes.
      h[k] = /[^\x00-\xff]/.test(String(v)) ? Buffer.from(String(v), 'utf8').toString('latin1') : String(v);
    }
    if (req.body !== undefined) h['content-length'] = String(req.body.length);
    let done = false;
    const finish = (r) => { if (!done) { done = true; resolve({ ms: Date.now() - started, ...r }); } };
    let r;
    try {
      r = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers: h, agent: false, insecureHTTPParser: true }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => finish({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => finish({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), error: `body: ${errName(e)}` }));
      });
    } catch (e) {
      finish({ status: 0, headers: {}, text: '', error: `client refused: ${errName(e)}`, clientError: true });
      return;
    }
    r.setTimeout(TIMEOUT_MS, () => { r.destroy(); finish({ status: 0, headers: {}, text: '', error: 'timeout', timeout: true }); });
    r.on('error', (e) => finish({ status: 0, headers: {}, text: '', error: errName(e) }));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** A setup call (not counted as fuzzing): JSON in, { status, json, headers } out. */
async function api(method, p, { role, token, body, headers = {} } = {}) {
  stats.setupRequests++;
  const h = { accept: 'application/json', ...headers };
  const t = token ?? (role && role !== 'anonymous' ? ctx.tokens[role] : null);
  if (t) h.authorization = `Bearer ${t}`;
  let b;
  if (body !== undefined) {
    h['content-type'] = 'application/json';
    b = Buffer.from(toJson(body), 'utf8');
  }
  const res = await send({ method, path: p, headers: h, body: b });
  let json = null;
  try { json = res.text ? JSON.parse(res.text) : null; } catch { /* not JSON */ }
  return { ...res, json };
}

// ───────────────────────────── OpenAPI ─────────────────────────────

let doc;
function refTarget(ref) {
  const parts = ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur = doc;
  for (const p of parts) cur = cur?.[p];
  return cur || {};
}
function merge(a, b) {
  const o = { ...a, ...b };
  if (a.properties || b.properties) o.properties = { ...(a.properties || {}), ...(b.properties || {}) };
  if (a.required || b.required) o.required = [...new Set([...(a.required || []), ...(b.required || [])])];
  o.nullable = !!(a.nullable || b.nullable);
  return o;
}
/** One level of resolution: $ref followed, allOf merged, the first non-null oneOf/anyOf alternative taken. */
function R(s, depth = 0) {
  if (!s || typeof s !== 'object' || depth > 30) return {};
  let base = {};
  if (s.$ref) base = R(refTarget(s.$ref), depth + 1);
  if (Array.isArray(s.allOf)) for (const part of s.allOf) base = merge(base, R(part, depth + 1));
  const alts = s.oneOf || s.anyOf;
  if (Array.isArray(alts) && alts.length) {
    const opts = alts.map((a) => R(a, depth + 1));
    base = merge(base, opts.find((o) => o.type !== 'null') || opts[0]);
    if (opts.some((o) => o.type === 'null')) base.nullable = true;
    base.alternatives = opts;
  }
  const { $ref, allOf, oneOf, anyOf, ...own } = s;
  const out = merge(base, own);
  if (Array.isArray(out.type)) {
    if (out.type.includes('null')) out.nullable = true;
    out.type = out.type.find((t) => t !== 'null');
  }
  if (!out.type) {
    if (out.properties) out.type = 'object';
    else if (out.items) out.type = 'array';
    else if (out.enum) out.type = typeof out.enum[0] === 'number' ? 'integer' : 'string';
  }
  return out;
}
function kind(s) {
  if (Array.isArray(s.enum) && s.enum.length) return 'enum';
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return 'datetime';
      if (s.format === 'date') return 'date';
      if (s.format === 'time') return 'time';
      if (s.format === 'uuid') return 'uuid';
      if (s.format === 'decimal' || (s.pattern && /\[0-9\]|\\d/.test(s.pattern))) return 'decimal';
      if (typeof s.example === 'string' && /^\d{4}-\d{2}$/.test(s.example)) return 'month';
      return 'string';
    case 'integer': return 'integer';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'array': return 'array';
    case 'object': return 'object';
    default: return 'any';
  }
}

function loadOperations() {
  const ops = [];
  for (const [p, item] of Object.entries(doc.paths || {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
      const o = item[method];
      if (!o) continue;
      const params = [...(item.parameters || []), ...(o.parameters || [])].map((x) => (x.$ref ? refTarget(x.$ref) : x));
      const content = (o.requestBody?.$ref ? refTarget(o.requestBody.$ref) : o.requestBody)?.content || {};
      const jsonType = Object.keys(content).find((t) => /json/i.test(t));
      const security = o.security ?? doc.security ?? [];
      ops.push({
        key: `${method.toUpperCase()} ${p}`,
        method: method.toUpperCase(),
        path: p,
        id: o.operationId || `${method} ${p}`,
        params,
        pathParams: params.filter((x) => x.in === 'path'),
        queryParams: params.filter((x) => x.in === 'query'),
        headerParams: params.filter((x) => x.in === 'header'),
        bodySchema: jsonType ? content[jsonType].schema : null,
        bodyRequired: !!o.requestBody?.required,
        contentTypes: Object.keys(content),
        ifMatch: params.some((x) => x.in === 'header' && /^if-match$/i.test(x.name)),
        idemKey: params.some((x) => x.in === 'header' && /^idempotency-key$/i.test(x.name)),
        anonymous: Array.isArray(security) && security.length === 0,
        responses: Object.keys(o.responses || {}),
        // Operations that take an optional If-Match say so in their description.
        ifMatchDocumented: /If-Match/i.test(`${o.summary || ''} ${o.description || ''}`),
      });
    }
  }
  return ops;
}

// ───────────────────────────── state: tokens, seeds, ids, ETags ─────────────────────────────

const ctx = {
  tokens: {}, me: {}, roles: [], accounts: {}, contacts: {}, complaintsByState: {}, complaints: [],
  sacrificial: [], idsByName: {}, etags: new Map(), lists: new Map(), probeAccount: null, probeUser: null,
  policyDrafts: [], jwt: null, allowed: {}, baseline: {}, notes: [],
};

const now = () => new Date();
const isoDate = (d) => d.toISOString().slice(0, 10);
const daysFromNow = (n) => isoDate(new Date(Date.now() + n * 86400000));
const lastMonth = () => { const d = new Date(); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() - 1); return d.toISOString().slice(0, 7); };
/** The instant two hours ago, written with the given UTC offset (minutes) and fraction. */
function instant(offMin = 0, { frac = '', hoursAgo = 2, z = true } = {}) {
  const t = new Date(Math.floor((Date.now() - hoursAgo * 3600000) / 1000) * 1000 + offMin * 60000);
  const s = t.toISOString().slice(0, 19) + frac;
  if (offMin === 0 && z) return `${s}Z`;
  const a = Math.abs(offMin);
  return `${s}${offMin >= 0 ? '+' : '-'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function itemsOf(json) {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    if (Array.isArray(json.items)) return json.items;
    for (const v of Object.values(json)) if (Array.isArray(v) && v.length && typeof v[0] === 'object') return v;
  }
  return [];
}
function noteComplaint(c) {
  if (!c || typeof c !== 'object' || !c.id || !c.status || !/^CMP-/.test(c.reference || '')) return;
  for (const list of Object.values(ctx.complaintsByState)) {
    const i = list.indexOf(c.id);
    if (i >= 0) list.splice(i, 1);
  }
  (ctx.complaintsByState[c.status] ||= []).push(c.id);
  if (!ctx.complaints.includes(c.id)) ctx.complaints.push(c.id);
}

async function signIn() {
  for (const role of [...ROLES, PROBE_USER]) {
    const r = await api('POST', '/api/v1/auth/login', { body: { email: `${role}@${DEMO_DOMAIN}`, password: PASSWORD } });
    if (r.status === 200 && r.json?.accessToken) {
      ctx.tokens[role] = r.json.accessToken;
      const me = await api('GET', '/api/v1/me', { role });
      ctx.me[role] = me.json || {};
    } else {
      ctx.notes.push(`sign-in as ${role} failed: ${r.status} ${r.text.slice(0, 200)}`);
    }
  }
  ctx.roles = ROLES.filter((r) => ctx.tokens[r]);
  if (!ctx.tokens.director) throw new Error(`cannot sign in as director: ${ctx.notes.join('; ')}`);
  if (!ctx.tokens[PROBE_USER]) {
    ctx.notes.push(`probe user ${PROBE_USER} missing; probes run as qualitymanager`);
    ctx.tokens[PROBE_USER] = ctx.tokens.qualitymanager || ctx.tokens.director;
  }
  const [h, p] = ctx.tokens.director.split('.');
  try { ctx.jwt = { header: JSON.parse(b64urlDecode(h)), payload: JSON.parse(b64urlDecode(p)) }; } catch { ctx.jwt = null; }
  ctx.probeUser = ctx.me[PROBE_USER] || {};
}
const b64url = (s) => Buffer.from(s).toString('base64url');
const b64urlDecode = (s) => Buffer.from(s, 'base64url').toString('utf8');
function signJwt(payload, { alg = 'HS256', key = SIGNING_KEY, header } = {}) {
  const head = b64url(JSON.stringify(header || { alg, typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  if (alg === 'none') return `${head}.${body}.`;
  const sig = crypto.createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

async function seed() {
  // Accounts each role can see; the probe user's first account is kept out of every fuzzed request.
  const probeList = await api('GET', '/api/v1/accounts?pageSize=50', { token: ctx.tokens[PROBE_USER] });
  ctx.probeAccount = itemsOf(probeList.json)[0]?.id || null;
  for (const role of ctx.roles) {
    const r = await api('GET', '/api/v1/accounts?pageSize=100&sort=name', { role });
    ctx.accounts[role] = itemsOf(r.json).map((a) => a.id).filter((id) => id && id !== ctx.probeAccount);
  }
  if (!ctx.probeAccount) {
    ctx.probeAccount = itemsOf((await api('GET', '/api/v1/accounts?pageSize=1', { role: 'director' })).json)[0]?.id;
    ctx.notes.push('the probe user sees no account; probes read one of the director\'s');
    for (const role of ctx.roles) ctx.accounts[role] = (ctx.accounts[role] || []).filter((id) => id !== ctx.probeAccount);
  }
  // Fresh accounts: deletions and other destructive requests take these, never the demo data's.
  for (let i = 0; i < 4; i++) {
    const r = await api('POST', '/api/v1/accounts', { role: 'director', body: knownGood['POST /api/v1/accounts']({ role: 'director' }) });
    if (r.json?.id) ctx.sacrificial.push(r.json.id);
  }
  // Contacts of the first account of each role.
  for (const role of ctx.roles) {
    const acc = ctx.accounts[role]?.[0];
    if (!acc || ctx.contacts[acc]) continue;
    const r = await api('GET', `/api/v1/accounts/${acc}/contacts`, { role });
    ctx.contacts[acc] = itemsOf(r.json).map((c) => c.id).filter(Boolean);
    if (!ctx.contacts[acc].length) {
      const c = await api('POST', `/api/v1/accounts/${acc}/contacts`, { role: 'director', body: knownGood['POST /api/v1/accounts/{accountId}/contacts']({ role }) });
      if (c.json?.id) ctx.contacts[acc].push(c.json.id);
    }
  }
  // Complaints in every workflow state, so that each action has one it may move.
  const accs = ctx.accounts.director || [];
  const steps = [
    ['acknowledge', { response: 'We are on it.' }],
    ['assign', () => ({ department: 'Logistics', assigneeId: ctx.me.serviceagent?.id || ctx.me.director?.id })],
    ['resolve', { resolution: 'Delivered the missing pallets.', rootCause: 'Logistics', correctiveAction: 'Two-person check at loading.' }],
  ];
  for (let i = 0; i < 12; i++) {
    const r = await api('POST', '/api/v1/complaints', { role: 'director', body: knownGood['POST /api/v1/complaints']({ role: 'director', account: accs[i % Math.max(1, accs.length)] }), headers: { 'idempotency-key': unique('seed-') } });
    if (!r.json?.id) { ctx.notes.push(`seed complaint failed: ${r.status} ${r.text.slice(0, 200)}`); continue; }
    noteComplaint(r.json);
    // 0-2 New, 3-5 Acknowledged, 6-8 InProgress (2 of them AwaitingCustomer), 9-11 Resolved (1 Closed)
    const depth = Math.floor(i / 3);
    let last = r.json;
    for (let s = 0; s < depth; s++) {
      const [action, body] = steps[s];
      const x = await api('POST', `/api/v1/complaints/${r.json.id}/${action}`, { role: 'director', body: typeof body === 'function' ? body() : body });
      if (x.json?.status) last = x.json;
    }
    if (i === 8 || i === 7) last = (await api('POST', `/api/v1/complaints/${r.json.id}/await-customer`, { role: 'director', body: { note: 'Asked for the delivery note.' } })).json || last;
    if (i === 11) last = (await api('POST', `/api/v1/complaints/${r.json.id}/close`, { role: 'director', body: { note: 'Confirmed.' } })).json || last;
    noteComplaint(last);
  }
  // Tier policy drafts (publish takes one each time it succeeds) and one run.
  for (let i = 0; i < 3; i++) {
    const r = await api('POST', '/api/v1/tiering/policies', { role: 'director', body: knownGood['POST /api/v1/tiering/policies']() });
    if (r.json?.id) ctx.policyDrafts.push(r.json.id);
  }
  await api('POST', '/api/v1/tiering/runs', { role: 'director' });
  ctx.idsByName.userId = ctx.me.serviceagent?.id || ctx.me.director?.id;
  ctx.idsByName.assigneeId = ctx.me.serviceagent?.id || ctx.me.director?.id;
}

const accountFor = (role) => {
  const list = ctx.accounts[role]?.length ? ctx.accounts[role] : ctx.accounts.director || [];
  return list.length ? list[0] : ctx.sacrificial[0] || ZERO_GUID;
};
const contactFor = (acc) => ctx.contacts[acc]?.[0] || null;

// ───────────────────────────── valid bodies ─────────────────────────────

const criteria = () => {
  const names = R({ $ref: '#/components/schemas/Criterion' }).enum || ['TrailingRevenue'];
  const w = Math.floor(100 / names.length);
  return names.map((c, i) => ({ criterion: c, weight: i === 0 ? 100 - w * (names.length - 1) : w }));
};
const policyBody = () => ({ name: unique('Fuzz policy '), criteria: criteria(), cutoffs: { strategic: 80, key: 60, growth: 40 }, strategicCap: null, hysteresisMargin: 5, programme: [] });
const contactBody = () => ({
  name: '王芳', title: '采购总监', department: 'Procurement', email: `${unique('fuzz.')}@example.cn`, phone: '+86 21 5555 0101', birthday: '1982-06-15',
  buyingRole: R({ $ref: '#/components/schemas/BuyingRole' }).enum?.[0], attitude: R({ $ref: '#/components/schemas/Attitude' }).enum?.[0], reportsToId: null,
  relationshipLevel: R({ $ref: '#/components/schemas/RelationshipLevel' }).enum?.[0], targetRelationshipLevel: R({ $ref: '#/components/schemas/RelationshipLevel' }).enum?.[1],
});

/**
 * Hand-written valid bodies for the operations whose schema alone cannot make one (real ids, sums, uniqueness).
 * Keys are "METHOD path" as in the document; each gets { role, account, params }.
 */
const knownGood = {
  'POST /api/v1/auth/login': () => ({ email: LOGIN_EMAIL, password: 'not-a-real-password' }),
  'POST /api/v1/accounts': () => ({
    name: `华东精密制造有限公司 ${unique('F')}`, registrationNumber: unique('FUZZ').toUpperCase(), industry: 'manufacturing', region: 'east-china', segment: 'enterprise',
    status: 'Active', strategicFit: 3, potentialAnnualRevenue: { amount: '1250000.50', currency: 'CNY' }, firstContractDate: '2020-01-15', ownerId: null,
  }),
  'PUT /api/v1/accounts/{id}/team': () => [{ userId: ctx.me.serviceagent?.id || ctx.me.director?.id, role: 'ServiceLead' }],
  'POST /api/v1/complaints': ({ role, account }) => ({
    accountId: account || accountFor(role), contactId: null, channel: 'Phone', category: 'Delivery', severity: 'High',
    subject: 'Three pallets missing from order SO-88121', description: 'Delivered 17 of 20 pallets; the line stops on Friday without them.',
    requestedRemedy: 'Deliver the missing pallets by Thursday', receivedAt: instant(0),
  }),
  'POST /api/v1/complaints/{id}/comments': () => ({ text: 'Called the customer back.' }),
  'POST /api/v1/complaints/{id}/acknowledge': () => ({ response: 'We are on it.' }),
  'POST /api/v1/complaints/{id}/assign': () => ({ department: 'Logistics', assigneeId: ctx.me.serviceagent?.id || ctx.me.director?.id }),
  'POST /api/v1/complaints/{id}/await-customer': () => ({ note: 'Asked for the delivery note.' }),
  'POST /api/v1/complaints/{id}/resume': () => ({ note: 'The customer answered.' }),
  'POST /api/v1/complaints/{id}/resolve': () => ({ resolution: 'Delivered the missing pallets.', rootCause: 'Logistics', correctiveAction: 'Two-person check at loading.' }),
  'POST /api/v1/complaints/{id}/close': () => ({ note: 'Confirmed by the customer.' }),
  'POST /api/v1/complaints/{id}/reopen': () => ({ reason: 'It happened again.' }),
  'PUT /api/v1/complaints/sla-policy': () => ({
    severities: [['Critical', 50], ['High', 75], ['Medium', 100], ['Low', 100]].map(([severity, p]) => ({ severity, firstResponsePercent: p, resolutionPercent: p })),
    calendar: null,
  }),
  'POST /api/v1/accounts/{accountId}/contacts': contactBody,
  'PUT /api/v1/accounts/{accountId}/contacts/{contactId}': contactBody,
  'POST /api/v1/accounts/{accountId}/interactions': ({ params }) => ({
    type: 'Meeting', occurredAt: instant(0), summary: '季度业务回顾：讨论2027年产能扩张计划', contactIds: contactFor(params?.accountId) ? [contactFor(params.accountId)] : [],
    nextStep: 'Send the revised quotation', nextStepDue: daysFromNow(14),
  }),
  'POST /api/v1/revenue/import': ({ role }) => ({
    rows: [{ accountId: accountFor(role), registrationNumber: null, month: lastMonth(), revenue: '125000.50', grossProfit: '31250.25', orderCount: 12, currency: 'CNY' }],
  }),
  'POST /api/v1/tiering/policies': policyBody,
  'PUT /api/v1/tiering/policies/{id}': policyBody,
  'POST /api/v1/tiering/simulations': policyBody,
  'PUT /api/v1/accounts/{id}/tier-override': () => ({ tier: 'Key', reason: 'Strategic partner pinned by the fuzzer', expiresOn: daysFromNow(60) }),
};

/** A valid value for a schema, from its example, format and the field name; ids from the seeds. */
function genValid(schema, name = '', g = {}, depth = 0) {
  const s = R(schema);
  const n = String(name);
  switch (kind(s)) {
    case 'enum': return s.enum.includes(s.example) ? s.example : s.enum[0];
    case 'datetime': return instant(0);
    case 'date':
      if (/expir|due|until|valid|end/i.test(n)) return daysFromNow(30);
      return typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.example) ? s.example : daysFromNow(-400);
    case 'time': return typeof s.example === 'string' ? s.example : '09:00';
    case 'uuid': {
      const id = idForName(n, g);
      return id ?? (s.nullable ? null : ZERO_GUID);
    }
    case 'decimal': return s.example !== undefined ? String(s.example) : '100.00';
    case 'month': return lastMonth();
    case 'string':
      if (typeof s.example === 'string') return s.example;
      if (/email/i.test(n)) return `${unique('fuzz.')}@example.com`;
      if (/phone/i.test(n)) return '+86 21 5555 0101';
      if (/currency/i.test(n)) return 'CNY';
      if (/time ?zone/i.test(n)) return 'Asia/Shanghai';
      return `Fuzz ${n || 'text'}`;
    case 'integer': return typeof s.example === 'number' ? s.example : s.minimum ?? (/percent/i.test(n) ? 100 : 1);
    case 'number': return typeof s.example === 'number' ? s.example : s.minimum ?? 5;
    case 'boolean': return false;
    case 'array': {
      if (depth > 5) return [];
      const it = R(s.items);
      if (kind(it) === 'uuid') return [];
      return [genValid(s.items, n.replace(/s$/, ''), g, depth + 1)];
    }
    case 'object': {
      if (depth > 5) return {};
      const o = {};
      for (const [k, ps] of Object.entries(s.properties || {})) o[k] = genValid(ps, k, g, depth + 1);
      return o;
    }
    default: return null;
  }
}
function idForName(n, g) {
  if (/^accountId$/i.test(n)) return g.params?.accountId || (g.op?.path.startsWith('/api/v1/accounts/{id}') ? g.params?.id : null) || accountFor(g.role || 'director');
  if (/^(assigneeId|userId|ownerId)$/i.test(n)) return n === 'ownerId' ? null : ctx.idsByName[n];
  if (/contactId|reportsToId/i.test(n)) return null;
  return ctx.idsByName[n] ?? null;
}
/** The fields of a read (GET) that the input schema has: a PUT's natural valid body. */
function project(value, schema, depth = 0) {
  const s = R(schema);
  if (value === null || value === undefined || depth > 8) return value ?? null;
  if (s.type === 'array' && Array.isArray(value)) return value.map((v) => project(v, s.items, depth + 1));
  if (s.type === 'object' && s.properties && typeof value === 'object' && !Array.isArray(value)) {
    const o = {};
    for (const [k, ps] of Object.entries(s.properties)) o[k] = k in value ? project(value[k], ps, depth + 1) : genValid(ps, k, {}, depth + 1);
    return o;
  }
  return value;
}

// ───────────────────────────── path parameters, ETags, the valid request ─────────────────────────────

const ACTION_STATE = { acknowledge: ['New'], assign: ['Acknowledged', 'Reopened', 'InProgress'], 'await-customer': ['InProgress'], resume: ['AwaitingCustomer'], resolve: ['InProgress'], close: ['Resolved'], reopen: ['Resolved', 'Closed'] };
const opByKey = new Map();

async function resolveParams(op, role, { destructive = false } = {}) {
  const params = {};
  const segs = op.path.split('/');
  for (let i = 0; i < segs.length; i++) {
    const m = /^\{(.+)\}$/.exec(segs[i]);
    if (!m) continue;
    const name = m[1];
    const collection = segs.slice(0, i).join('/');
    params[name] = await idFor(op, name, collection, segs.slice(i + 1), params, role, destructive);
  }
  return params;
}
async function idFor(op, name, collectionTemplate, rest, params, role, destructive) {
  if (collectionTemplate === '/api/v1/accounts') {
    if ((destructive || op.method === 'DELETE') && rest.length === 0) return ctx.sacrificial.length ? ctx.sacrificial[ctx.sacrificial.length - 1] : accountFor(role);
    return accountFor(role);
  }
  if (/\/contacts$/.test(collectionTemplate)) return contactFor(params.accountId || params.id) || seededUuid();
  if (collectionTemplate === '/api/v1/complaints') {
    const states = ACTION_STATE[rest[0]];
    for (const st of states || []) if (ctx.complaintsByState[st]?.length) return ctx.complaintsByState[st][0];
    return ctx.complaints[0] || seededUuid();
  }
  if (collectionTemplate === '/api/v1/tiering/policies') {
    if (rest[0] === 'publish' || op.method === 'PUT') return ctx.policyDrafts[0] || seededUuid();
  }
  // Anything else (including operations added later): the first item of the collection's list, else a new one
  // created with a valid body, else a random id (404s are still worth fuzzing).
  const collection = fillPath(collectionTemplate, params);
  const cacheKey = `${collection}|${role}`;
  if (ctx.lists.has(cacheKey)) return ctx.lists.get(cacheKey);
  let id = null;
  if (opByKey.has(`GET ${collectionTemplate}`)) {
    const r = await api('GET', collection, { role: ctx.allowed[`GET ${collectionTemplate}`]?.includes(role) ? role : 'director' });
    id = itemsOf(r.json).find((x) => x?.id)?.id || null;
  }
  const create = opByKey.get(`POST ${collectionTemplate}`);
  if (!id && create?.bodySchema) {
    const body = await validBody(create, 'director', params);
    const r = await api('POST', collection, { role: 'director', body, headers: create.idemKey ? { 'idempotency-key': unique('seed-') } : {} });
    id = r.json?.id || null;
  }
  id ||= seededUuid();
  ctx.lists.set(cacheKey, id);
  return id;
}
function fillPath(template, params, raw = {}) {
  return template.replace(/\{([^}]+)\}/g, (_, k) => (k in raw ? raw[k] : encodeURIComponent(params[k] ?? ZERO_GUID)));
}

/** The ETag to send as If-Match for a path: from the same path's GET, else the nearest enclosing resource's. */
async function etagFor(p, role) {
  if (ctx.etags.has(p)) return ctx.etags.get(p);
  const segs = p.split('/');
  for (let n = segs.length; n > 3; n--) {
    const candidate = segs.slice(0, n).join('/');
    const template = templateOf(candidate, 'GET');
    if (!template) continue;
    const r = await api('GET', candidate, { role: ctx.allowed[`GET ${template}`]?.includes(role) ? role : 'director' });
    if (r.headers?.etag) {
      ctx.etags.set(p, r.headers.etag);
      return r.headers.etag;
    }
  }
  ctx.etags.set(p, null);
  return null;
}
function templateOf(concrete, method) {
  const segs = concrete.split('/');
  for (const op of opByKey.values()) {
    if (op.method !== method) continue;
    const t = op.path.split('/');
    if (t.length === segs.length && t.every((x, i) => /^\{.+\}$/.test(x) || x === segs[i])) return op.path;
  }
  return null;
}
function invalidateEtags(p) {
  for (const k of [...ctx.etags.keys()]) if (p.startsWith(k) || k.startsWith(p)) ctx.etags.delete(k);
  for (const k of [...ctx.etags.keys()]) if (k.split('/').slice(0, 5).join('/') === p.split('/').slice(0, 5).join('/')) ctx.etags.delete(k);
}

async function validBody(op, role, params, concretePath) {
  const g = { role, params, op };
  const kg = knownGood[op.key];
  if (kg) return kg({ role, params, account: params?.accountId || (op.path.startsWith('/api/v1/accounts/{id}') ? params?.id : undefined) });
  if (op.method === 'PUT' && concretePath && opByKey.has(`GET ${op.path}`)) {
    const r = await api('GET', concretePath, { role });
    if (r.status === 200 && r.json) return project(r.json, op.bodySchema);
  }
  return genValid(op.bodySchema, '', g);
}

/** The valid request for an operation as a role: real ids, current ETag, fresh idempotency key, valid body. */
async function baseRequest(op, role, opts = {}) {
  const params = await resolveParams(op, role, opts);
  const p = fillPath(op.path, params);
  const headers = { accept: 'application/json' };
  if (role && role !== 'anonymous' && ctx.tokens[role]) headers.authorization = `Bearer ${ctx.tokens[role]}`;
  if (op.ifMatch) {
    const e = await etagFor(p, role);
    if (e) headers['if-match'] = e;
  }
  if (op.idemKey) headers['idempotency-key'] = unique('fuzz-key-');
  const req = { op, role, method: op.method, params, rawParams: {}, path: p, query: [], headers, json: undefined, bodyRaw: undefined, contentType: undefined };
  if (op.bodySchema) {
    req.json = await validBody(op, role, params, p);
    req.contentType = 'application/json';
  }
  for (const q of op.queryParams.filter((x) => x.required)) req.query.push([q.name, encodeURIComponent(String(genValid(q.schema, q.name, { role, params, op })))]);
  return req;
}
/** The request as it goes on the wire. */
function wire(req) {
  const headers = { ...req.headers };
  let body;
  if (req.bodyRaw !== undefined) body = Buffer.isBuffer(req.bodyRaw) ? req.bodyRaw : Buffer.from(req.bodyRaw, 'utf8');
  else if (req.json !== undefined) body = Buffer.from(toJson(req.json), 'utf8');
  if (req.contentType === null) delete headers['content-type'];
  else if (body !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
  for (const [k, v] of Object.entries(headers)) if (v === undefined) delete headers[k];
  const q = req.query.length ? `?${req.query.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join('&')}` : '';
  const p = req.rawPath ?? fillPath(req.op.path, req.params, req.rawParams);
  return { method: req.method, path: p + q, headers, body, raw: !!req.raw || req.rawPath !== undefined || Object.keys(req.rawParams).length > 0 };
}

// ───────────────────────────── mutations ─────────────────────────────

/** Why a 2xx answer to a case is suspicious (design §3 and §2); cases without one only count for 5xx and the rest. */
const EXPECT = {
  nul: 'U+0000 accepted (design §3: refused with 400 everywhere)',
  nullInArray: 'null inside an array accepted (design §3: a 400)',
  precision: 'decimal beyond the money columns\' precision numeric(20,2) accepted (design §3: a 400)',
  outOfRange: 'date far out of range (year 0001/9999) accepted (design §3: out-of-range dates are a 400)',
  badDate: 'an invalid date accepted',
  enumNumber: 'a number for an enum accepted (design §3: enums as strings)',
  enumUnknown: 'an unknown enum name accepted',
  missing: 'a field that is not nullable in the schema and has no documented default was left out and the request accepted (design §3: required, never defaulted)',
  nullNonNullable: 'null accepted for a field the schema says is not nullable',
  maxLength: 'a string longer than the schema\'s maxLength accepted',
  contentType: 'a body that is not JSON by its Content-Type accepted (design §3: 415)',
  weakEtag: 'a weak ETag accepted in If-Match (design §3: strong comparison)',
  badEtag: 'an If-Match that is no ETag of the resource accepted',
  noIfMatch: 'an update without If-Match accepted (the operation documents If-Match as required: 428)',
  auth: 'an unauthenticated or invalid credential accepted',
  unknownUser: 'a correctly signed token for a user id that does not exist accepted (design §2: tokens of deactivated users stop working)',
  idemOtherBody: 'the same Idempotency-Key with another body accepted (design §3: 422)',
  idemNewResource: 'a replay with the same Idempotency-Key created a second resource',
  lostUpdate: 'two updates with the same If-Match both succeeded (a lost update)',
  method: 'an undefined method answered 2xx',
  anonymous: 'an anonymous request to a secured operation answered 2xx',
};

const pathStr = (p) => p.reduce((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '') || 'body';
const enc = encodeURIComponent;

function bodySlots(op) {
  const out = [];
  const walk = (schema, p, required, depth) => {
    const s = R(schema);
    if (p.length) {
      const name = [...p].reverse().find((x) => typeof x === 'string') ?? 'item';
      out.push({ path: p, schema: s, name, required, k: kind(s), nullable: !!s.nullable, documentedDefault: /default/i.test(s.description || '') });
    }
    if (depth >= 4) return;
    if (s.type === 'object' && s.properties) for (const [k, ps] of Object.entries(s.properties)) walk(ps, [...p, k], (s.required || []).includes(k), depth + 1);
    else if (s.type === 'array' && s.items) walk(s.items, [...p, 0], true, depth + 1);
  };
  if (op.bodySchema) walk(op.bodySchema, [], false, 0);
  return out;
}

function getAt(root, p) {
  let cur = root;
  for (const k of p) cur = cur == null ? undefined : cur[k];
  return cur;
}
/** Sets (or with DELETE removes) the value at a path, building valid containers on the way where they are missing. */
function setAt(root, rootSchema, p, value, g) {
  if (p.length === 0) return value;
  let sch = R(rootSchema);
  let out = clone(root);
  if (out === null || typeof out !== 'object' || out instanceof Raw) out = typeof p[0] === 'number' ? [] : {};
  let cur = out;
  for (let i = 0; i < p.length - 1; i++) {
    const k = p[i];
    const childSchema = typeof k === 'number' ? sch.items : sch.properties?.[k];
    let child = cur[k];
    if (child === null || child === undefined || typeof child !== 'object' || child instanceof Raw) {
      child = genValid(childSchema, typeof k === 'string' ? k : '', g);
      if (child === null || typeof child !== 'object') child = typeof p[i + 1] === 'number' ? [] : {};
      if (Array.isArray(child) && typeof p[i + 1] === 'number' && child.length === 0) child.push(genValid(R(childSchema).items, '', g));
      cur[k] = child;
    }
    cur = child;
    sch = R(childSchema);
  }
  const last = p[p.length - 1];
  if (value === DELETE) {
    if (Array.isArray(cur)) cur.splice(last, 1);
    else delete cur[last];
  } else {
    if (Array.isArray(cur) && typeof last === 'number' && cur.length === 0 && last > 0) cur.push(genValid(sch.items, '', g));
    cur[last] = value;
  }
  return out;
}
const gOf = (req) => ({ role: req.role, params: req.params, op: req.op });
const val = (v, req, current) => (typeof v === 'function' ? v(req, current) : v);
const setField = (slot, v) => (req) => {
  const current = getAt(req.json, slot.path);
  req.json = setAt(req.json, req.op.bodySchema, slot.path, val(v, req, current), gOf(req));
};

// Value tables: [name, value (or (req, current) => value), expectation key?, tags?]
const DATETIME_VALUES = [
  ['offset+08:00', () => instant(480)], ['offset-05:00', () => instant(-300)], ['utc-Z', () => instant(0)], ['offset+00:00', () => instant(0, { z: false })],
  ['offset+14:00', () => instant(840)], ['offset-12:00', () => instant(-720)], ['offset+05:45', () => instant(345)], ['no-offset', () => instant(0).slice(0, -1)],
  ['lower-case-t-z', () => instant(0).toLowerCase()], ['beijing-literal', '2026-12-01T10:00:00+08:00'], ['fraction-7-digits+08:00', () => instant(480, { frac: '.1234567' })],
  ['huge-fraction', () => instant(0, { frac: `.${'9'.repeat(40)}` })], ['year-0001', '0001-01-01T00:00:00Z', 'outOfRange'], ['year-0001+08:00', '0001-01-01T00:00:00+08:00', 'outOfRange'],
  ['year-0001-05:00', '0001-01-01T00:00:00-05:00', 'outOfRange'], ['year-9999', '9999-12-31T23:59:59Z', 'outOfRange'], ['year-9999-05:00', '9999-12-31T23:59:59-05:00', 'outOfRange'],
  ['year-9999+08:00', '9999-12-31T23:59:59+08:00', 'outOfRange'], ['year-0000', '0000-01-01T00:00:00Z', 'badDate'], ['year-10000', '+010000-01-01T00:00:00Z', 'badDate'],
  ['feb-30', '2026-02-30T10:00:00Z', 'badDate'], ['leap-second', '2016-12-31T23:59:60Z'], ['hour-24', '2026-12-01T24:00:00Z'], ['offset+24:00', '2026-12-01T10:00:00+24:00', 'badDate'],
  ['offset+99:99', '2026-12-01T10:00:00+99:99', 'badDate'], ['date-only', () => instant(0).slice(0, 10)], ['unix-seconds-number', () => Math.floor(Date.now() / 1000) - 7200],
  ['unix-ms-number', () => Date.now()], ['number-1e308', new Raw('1e308')], ['empty', ''], ['whitespace', '   '], ['nul-inside', () => instant(0).replace('T', 'T\u0000'), 'nul'],
  ['boolean', true], ['object', {}], ['week-date', '2026-W48-2'], ['ordinal-date', '2026-335'], ['rfc1123', 'Tue, 01 Dec 2026 10:00:00 GMT'], ['year-2100+08:00', '2100-01-01T00:00:00+08:00'],
  ['epoch+08:00', '1970-01-01T00:00:00+08:00'],
];
const DATE_VALUES = [
  ['datetime+08:00', () => `${daysFromNow(-30)}T10:00:00+08:00`], ['datetime-Z', () => `${daysFromNow(-30)}T00:00:00Z`], ['year-0001', '0001-01-01', 'outOfRange'],
  ['year-9999', '9999-12-31', 'outOfRange'], ['year-0000', '0000-01-01', 'badDate'], ['feb-30', '2026-02-30', 'badDate'], ['feb-29-leap', '2028-02-29'],
  ['month-13', '2026-13-01', 'badDate'], ['compact', '20261201'], ['number', 20261201], ['empty', ''], ['negative-year', '-2026-01-01', 'badDate'],
  ['expanded-year', '+012026-01-01', 'badDate'], ['single-digits', '2026-1-1'], ['word-today', 'today'], ['nul-inside', '2026-01-01\u0000', 'nul'], ['year-2999', '2999-01-01'],
  ['year-1899', '1899-12-31'], ['tomorrow', () => daysFromNow(1)], ['yesterday', () => daysFromNow(-1)],
];
const TIME_VALUES = [
  ['24:00', '24:00'], ['25:00', '25:00'], ['09:60', '09:60'], ['9:00', '9:00'], ['fraction', '09:00:00.1234567'], ['negative', '-01:00'], ['with-offset', '09:00+08:00'],
  ['number', 900], ['empty', ''], ['end-of-day', '23:59:59.9999999'], ['nul-inside', '09:00\u0000', 'nul'],
];
const MONTH_VALUES = [
  ['0000-00', '0000-00', 'badDate'], ['0001-01', '0001-01', 'outOfRange'], ['9999-12', '9999-12', 'outOfRange'], ['2026-13', '2026-13', 'badDate'], ['2026-00', '2026-00', 'badDate'],
  ['2026-1', '2026-1'], ['compact', '202610'], ['full-date', '2026-10-01'], ['with-offset', '2026-10+08:00'], ['number', 202610], ['empty', ''],
  ['next-year', () => `${new Date().getUTCFullYear() + 1}-01`], ['nul-inside', '2026-10\u0000', 'nul'],
];
const STRING_VALUES = (s) => [
  ['nul-inside', 'ab\u0000cd', 'nul'], ['nul-only', '\u0000', 'nul'], ['nul-end', 'Fuzz\u0000', 'nul'],
  ...(Number.isInteger(s.maxLength) ? [['at-maxLength', 'x'.repeat(s.maxLength)], ['over-maxLength', 'x'.repeat(s.maxLength + 1), 'maxLength']] : []),
  ['long-1001', 'x'.repeat(1001)], ['long-10k', 'x'.repeat(10000)], ['long-100k', 'x'.repeat(100000)], ['long-100k-chinese', '华'.repeat(100000)],
  ['chinese', '华东精密制造有限公司：三托盘货物缺失'], ['emoji', '😀👍🏽🇨🇳 emoji'], ['rtl', '\u202Eabc مرحبا بالعالم'], ['lone-high-surrogate', '\ud800'],
  ['lone-low-surrogate', 'x\udc00y'], ['reversed-surrogates', '\udc00\ud800'], ['whitespace-only', '   '], ['newlines-only', '\r\n\t'], ['empty', ''],
  ['zero-width', '\u200b\u200d'], ['control-chars', '\u0001\u0007\u001b[31mred'], ['sql', "x' OR '1'='1'; --"], ['like-wildcards', '%_\\'], ['backslash-end', 'abc\\'],
  ['html', '<script>alert(1)</script>'], ['format-string', '%s%n{0}{{}}'], ['noncharacters', '\uffff\ufffe'], ['combining-marks', 'e\u0301'.repeat(500)],
  ['escaped-nul-text', '\\u0000'], ['number-for-string', 12345], ['boolean-for-string', true],
];
const UUID_VALUES = [
  ['not-a-guid', 'not-a-guid'], ['zero-guid', ZERO_GUID], ['unknown-guid', () => seededUuid()], ['upper-case', (req, cur) => (typeof cur === 'string' ? cur.toUpperCase() : ZERO_GUID.toUpperCase())],
  ['braces', (req, cur) => `{${typeof cur === 'string' ? cur : ZERO_GUID}}`], ['no-dashes', (req, cur) => (typeof cur === 'string' ? cur : ZERO_GUID).replace(/-/g, '')],
  ['empty', ''], ['nul-end', (req, cur) => `${typeof cur === 'string' ? cur : ZERO_GUID}\u0000`, 'nul'], ['number', 12345], ['long-10k', 'a'.repeat(10000)],
  ['id-of-another-kind', () => ctx.complaints[0] || seededUuid()], ['probe-users-account', () => ctx.probeAccount || ZERO_GUID],
];
const INT_VALUES = (s) => [
  ['string-int', '5'], ['float', 1.5], ['float-2.0', new Raw('2.0')], ['1e308', new Raw('1e308')], ['22-digits', new Raw('9999999999999999999999')],
  ['int32-max+1', 2147483648], ['int64-max+1', new Raw('9223372036854775808')], ['negative', -1], ['int32-min', -2147483648], ['zero', 0],
  ['nan-string', 'NaN'], ['nan-token', new Raw('NaN')], ['infinity-string', 'Infinity'], ['minus-zero', new Raw('-0')], ['exponent', new Raw('1e2')], ['boolean', true],
  ['hex-string', '0x10'], ['leading-plus', new Raw('+1')], ['leading-zero', new Raw('01')],
  ...(typeof s.minimum === 'number' ? [['below-minimum', s.minimum - 1]] : []), ...(typeof s.maximum === 'number' ? [['above-maximum', s.maximum + 1]] : []),
];
const NUMBER_VALUES = [
  ['string-number', '1.5'], ['1e308', new Raw('1e308')], ['overflow-1e309', new Raw('1e309')], ['minus-1e308', new Raw('-1e308')], ['denormal', new Raw('5e-324')],
  ['nan-string', 'NaN'], ['infinity-string', 'Infinity'], ['minus-infinity-string', '-Infinity'], ['30-decimals', new Raw('1.123456789012345678901234567890')],
  ['20-integer-digits', new Raw('12345678901234567890')], ['decimal-overflow', new Raw('79228162514264337593543950336')], ['negative', -5], ['zero', 0], ['boolean', false],
  ['3-decimals', 5.125],
];
const DECIMAL_VALUES = [
  ['3-decimals', '1234.567', 'precision'], ['10-decimals', '0.0000000001', 'precision'], ['20-integer-digits', '12345678901234567890', 'precision'],
  ['20-integer-digits-2dp', '12345678901234567890.12', 'precision'], ['30-digits', '123456789012345678901234567890', 'precision'],
  ['decimal-overflow', '79228162514264337593543950336', 'precision'], ['28-decimals', `0.${'1'.repeat(28)}`, 'precision'], ['18-integer-digits', '999999999999999999.99'],
  ['exponent', '1e5'], ['comma', '1,5'], ['leading-space', ' 12.50'], ['plus', '+12.50'], ['negative', '-1.00'], ['nan', 'NaN'], ['infinity', 'Infinity'], ['empty', ''],
  ['number-not-string', 1234.5], ['huge-number-not-string', new Raw('1e30')], ['dot-only', '.'], ['trailing-dot', '12.'], ['leading-dot', '.5'], ['minus-zero', '-0'],
  ['hex', '0x10'], ['full-width-digits', '１２３'], ['nul-inside', '12\u00003', 'nul'],
];
const ENUM_VALUES = (s) => {
  const v = String(s.enum[0]);
  const w = String(s.enum[1] ?? s.enum[0]);
  return [
    ['number-0', 0, 'enumNumber'], ['number-1', 1, 'enumNumber'], ['number-99', 99, 'enumNumber'], ['number-negative', -1, 'enumNumber'], ['numeric-string', '1', 'enumNumber'],
    ['unknown-name', 'NotAValue', 'enumUnknown'], ['lower-case', v.toLowerCase()], ['upper-case', v.toUpperCase()], ['padded', ` ${v} `], ['empty', '', 'enumUnknown'],
    ['nul-end', `${v}\u0000`, 'nul'], ['flags-combination', `${v}, ${w}`, 'enumUnknown'], ['boolean', true],
  ];
};
const BOOL_VALUES = [['string-true', 'true'], ['number-1', 1], ['string-yes', 'yes']];

// Query values are already percent-encoded (or deliberately not).
const q = (values) => values.filter(([, v]) => typeof v === 'string' || typeof v === 'function').map(([n, v, e]) => [n, typeof v === 'function' ? () => enc(v()) : enc(v), e]);
const QUERY = {
  datetime: () => [...q(DATETIME_VALUES), ['raw-plus-unencoded', '2026-12-01T10:00:00+08:00'], ['nul', '2026-12-01%00', 'nul']],
  date: () => [...q(DATE_VALUES), ['nul', '2026-12-01%00', 'nul']],
  string: () => [['nul-inside', 'a%00b', 'nul'], ['nul-only', '%00', 'nul'], ['long-10k', 'x'.repeat(10000)], ['chinese', enc('华东精密')], ['emoji', enc('😀👍🏽')],
    ['invalid-utf8', '%C3%28'], ['lone-surrogate-utf8', '%ED%A0%80'], ['lone-percent', '%'], ['bad-percent', '%zz'], ['sql', enc("' OR 1=1 --")], ['like-wildcards', '%25_%25'],
    ['backslash-end', 'abc%5C'], ['backslash-only', '%5C'], ['whitespace', '%20%20'], ['empty', ''], ['no-value', null], ['plus', '+'], ['crlf', '%0D%0A'],
    ['minus-only', '-'], ['base64-garbage', 'eyJ4IjoxfQ'], ['base64-json', enc(Buffer.from('{"k":"x","id":"not-a-guid"}').toString('base64'))]],
  uuid: () => [['not-a-guid', 'not-a-guid'], ['nul', '%00', 'nul'], ['zero-guid', ZERO_GUID], ['braces', enc(`{${ZERO_GUID}}`)], ['empty', ''], ['long', 'a'.repeat(5000)], ['unknown-guid', () => seededUuid()]],
  integer: () => [['zero', '0'], ['negative', '-1'], ['int32-max', '2147483647'], ['int32-max+1', '2147483648'], ['huge', '99999999999999999999'], ['float', '1.5'],
    ['exponent', '1e3'], ['word', 'abc'], ['nul', '1%00', 'nul'], ['empty', ''], ['hex', '0x10'], ['leading-space', '%201'], ['plus', '%2B1'], ['201', '201'], ['200', '200'],
    ['ten-million', '10000000']],
  number: () => [['nan', 'NaN'], ['infinity', 'Infinity'], ['huge', '1e309'], ['word', 'abc'], ['nul', '1%00', 'nul']],
  boolean: () => [['yes', 'yes'], ['1', '1'], ['TRUE', 'TRUE'], ['on', 'on'], ['nul', 'true%00', 'nul'], ['empty', '']],
  enum: (s) => {
    const v = String(s.enum[0]);
    return [['number-0', '0', 'enumNumber'], ['number-99', '99', 'enumNumber'], ['negative', '-1', 'enumNumber'], ['unknown', 'NotAValue', 'enumUnknown'], ['lower-case', enc(v.toLowerCase())],
      ['upper-case', enc(v.toUpperCase())], ['flags', enc(`${v},${s.enum[1] ?? v}`), 'enumUnknown'], ['empty', ''], ['nul', `${enc(v)}%00`, 'nul']];
  },
};

function caseOf(cls, name, mutate, expect, tags = []) {
  return { cls, name, mutate, expect: expect ? EXPECT[expect] ?? expect : null, expectKey: expect || null, tags };
}

function bodyCases(op) {
  const out = { time: [], strings: [], numbers: [], structure: [] };
  if (!op.bodySchema) return out;
  for (const slot of bodySlots(op)) {
    const where = pathStr(slot.path);
    const add = (cls, values) => {
      for (const [n, v, e, tags] of values) out[cls].push(caseOf(cls, `${where}: ${n}`, setField(slot, v), e, tags));
    };
    switch (slot.k) {
      case 'datetime': add('time', DATETIME_VALUES); break;
      case 'date': add('time', DATE_VALUES); break;
      case 'time': add('time', TIME_VALUES); break;
      case 'month': add('time', MONTH_VALUES); add('strings', STRING_VALUES(slot.schema).slice(0, 6)); break;
      case 'string': add('strings', STRING_VALUES(slot.schema)); break;
      case 'uuid': add('strings', UUID_VALUES); break;
      case 'integer': add('numbers', INT_VALUES(slot.schema)); break;
      case 'number': add('numbers', NUMBER_VALUES); break;
      case 'decimal': add('numbers', DECIMAL_VALUES); break;
      case 'enum': add('numbers', ENUM_VALUES(slot.schema)); break;
      case 'boolean': add('numbers', BOOL_VALUES); break;
      default: break;
    }
    // structure, per field
    const nonNullable = !slot.nullable;
    out.structure.push(caseOf('structure', `${where}: null`, setField(slot, null), nonNullable && slot.k !== 'any' ? 'nullNonNullable' : null));
    out.structure.push(caseOf('structure', `${where}: missing`, setField(slot, DELETE), nonNullable && !slot.documentedDefault && typeof slot.path.at(-1) === 'string' ? 'missing' : null));
    out.structure.push(caseOf('structure', `${where}: nested-arrays-200`, setField(slot, deep(200))));
    if (slot.k === 'array') {
      out.structure.push(caseOf('structure', `${where}: null-in-array`, setField(slot, [null]), 'nullInArray'));
      out.structure.push(caseOf('structure', `${where}: item-then-null`, setField(slot, (req, cur) => [...(Array.isArray(cur) && cur.length ? cur : [genValid(R(slot.schema).items, '', gOf(req))]), null]), 'nullInArray'));
      out.structure.push(caseOf('structure', `${where}: object-for-array`, setField(slot, {})));
      out.structure.push(caseOf('structure', `${where}: string-for-array`, setField(slot, 'x')));
      out.structure.push(caseOf('structure', `${where}: 10k-items`, setField(slot, (req, cur) => Array(10000).fill(Array.isArray(cur) && cur.length ? cur[0] : genValid(R(slot.schema).items, '', gOf(req))))));
      out.structure.push(caseOf('structure', `${where}: duplicate-items`, setField(slot, (req, cur) => (Array.isArray(cur) && cur.length ? [...cur, ...cur] : cur))));
    } else if (slot.k === 'object') {
      out.structure.push(caseOf('structure', `${where}: array-for-object`, setField(slot, [])));
      out.structure.push(caseOf('structure', `${where}: empty-object`, setField(slot, {})));
      out.structure.push(caseOf('structure', `${where}: nested-objects-200`, setField(slot, deepObj(200))));
    } else {
      out.structure.push(caseOf('structure', `${where}: object-for-scalar`, setField(slot, { a: 1 })));
      out.structure.push(caseOf('structure', `${where}: array-for-scalar`, setField(slot, [1])));
    }
  }
  // structure, whole body
  const raw = (name, text, expect, tags) => out.structure.push(caseOf('structure', `body: ${name}`, (req) => { req.bodyRaw = typeof text === 'function' ? text(req) : text; }, expect, tags));
  const json = (req) => toJson(req.json);
  raw('empty', '');
  raw('null', 'null');
  raw('empty-array', '[]');
  raw('empty-object', '{}');
  raw('string', '"x"');
  raw('number', '0');
  raw('invalid-json', '{"a":');
  raw('truncated', (req) => json(req).slice(0, Math.max(1, Math.floor(json(req).length / 2))));
  raw('trailing-comma', (req) => json(req).replace(/}$/, ',}').replace(/]$/, ',]'));
  raw('comments', (req) => `/* c */${json(req)}`);
  raw('single-quotes', (req) => json(req).replace(/"/g, "'"));
  raw('trailing-garbage', (req) => `${json(req)}xyz`);
  raw('two-documents', (req) => json(req) + json(req));
  raw('whitespace-only', '   \n ');
  raw('nested-arrays-200', '['.repeat(200) + ']'.repeat(200));
  raw('nested-arrays-10000', '['.repeat(10000) + ']'.repeat(10000));
  raw('nested-objects-200', `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`);
  raw('escaped-nul-key', (req) => json(req).replace(/^\{/, '{"\\u0000":1,')); // an unknown member: skipped, so no expectation
  raw('raw-nul-byte', (req) => Buffer.concat([Buffer.from(json(req)), Buffer.from([0])]));
  raw('bom', (req) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json(req))]));
  raw('utf16le', (req) => Buffer.from(json(req), 'utf16le'));
  raw('invalid-utf8-in-string', (req) => { const s = json(req); const i = s.indexOf('":"'); return i < 0 ? Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]) : Buffer.concat([Buffer.from(s.slice(0, i + 3)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(s.slice(i + 3))]); });
  out.structure.push(caseOf('structure', 'body: extra-unknown-field', (req) => { if (req.json && typeof req.json === 'object' && !Array.isArray(req.json)) req.json = { ...req.json, unknownField: 1 }; else req.bodyRaw = '{"unknownField":1}'; }));
  out.structure.push(caseOf('structure', 'body: extra-$type', (req) => { if (req.json && typeof req.json === 'object' && !Array.isArray(req.json)) req.json = { $type: 'Fuzz.Type', ...req.json }; else req.bodyRaw = '{"$type":"Fuzz.Type"}'; }));
  out.structure.push(caseOf('structure', 'body: extra-$id-$ref', (req) => { req.bodyRaw = `{"$id":"1","$ref":"1",${json(req).replace(/^\{/, '')}`; }));
  out.structure.push(caseOf('structure', 'body: __proto__', (req) => { req.bodyRaw = `{"__proto__":{"x":1},${json(req).replace(/^\{/, '')}`; }));
  out.structure.push(caseOf('structure', 'body: duplicated-keys', (req) => {
    if (req.json && typeof req.json === 'object' && !Array.isArray(req.json)) {
      const entries = Object.entries(req.json);
      if (entries.length) req.json = new Dup([...entries, [entries[0][0], typeof entries[0][1] === 'string' ? `${entries[0][1]} (second)` : null]]);
    }
  }));
  out.structure.push(caseOf('structure', 'body: array-instead-of-body', (req) => { req.json = [req.json]; }));
  if (R(op.bodySchema).type === 'array') out.structure.push(caseOf('structure', 'body: object-for-array-body', (req) => { req.json = req.json?.[0] ?? {}; }));
  // CSV bodies, where the operation takes them
  if (op.contentTypes.some((t) => /csv/i.test(t))) {
    const csv = (name, text, expect) => out.structure.push(caseOf('structure', `csv: ${name}`, (req) => { req.contentType = 'text/csv'; req.bodyRaw = typeof text === 'function' ? text(req) : text; }, expect));
    const reg = () => 'FUZZNOSUCHREG1';
    const header = 'registrationNumber,month,revenue,grossProfit,orderCount,currency';
    csv('valid', () => `${header}\n${reg()},${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('nul', () => `${header}\n${reg()}\u0000,${lastMonth()},1000.00,100.00,3,CNY\n`, 'nul');
    csv('bom', () => `\ufeff${header}\n${reg()},${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('header-only', `${header}\n`);
    csv('empty', '');
    csv('unbalanced-quote', () => `${header}\n"${reg()},${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('formula', () => `${header}\n=cmd|' /C calc'!A0,${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('huge-number', () => `${header}\n${reg()},${lastMonth()},99999999999999999999999999999,1,3,CNY\n`);
    csv('3-decimals', () => `${header}\n${reg()},${lastMonth()},1000.125,100.00,3,CNY\n`, 'precision');
    csv('semicolons', () => `${header.replace(/,/g, ';')}\n${reg()};${lastMonth()};1000,00;100,00;3;CNY\n`);
    csv('extra-columns', () => `${header},extra\n${reg()},${lastMonth()},1000.00,100.00,3,CNY,x,y\n`);
    csv('missing-columns', () => `registrationNumber\n${reg()}\n`);
    csv('month-0000-00', () => `${header}\n${reg()},0000-00,1000.00,100.00,3,CNY\n`);
    csv('long-field-100k', () => `${header}\n${'x'.repeat(100000)},${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('duplicate-header', () => `${header},month\n${reg()},${lastMonth()},1000.00,100.00,3,CNY,${lastMonth()}\n`);
    csv('quoted-newline', () => `${header}\n"${reg()}\nX",${lastMonth()},1000.00,100.00,3,CNY\n`);
    csv('invalid-utf8', () => Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(`,${lastMonth()},1,1,1,CNY\n`)]));
    csv('10001-rows', () => `${header}\n${`${reg()},${lastMonth()},1.00,0.00,1,CNY\n`.repeat(10001)}`);
  }
  return out;
}

function queryCases(op) {
  const out = { time: [], strings: [], numbers: [], structure: [] };
  for (const p of op.queryParams) {
    const s = R(p.schema);
    const k = kind(s);
    const table = k === 'datetime' ? QUERY.datetime() : k === 'date' ? QUERY.date() : k === 'uuid' ? QUERY.uuid() : k === 'integer' ? QUERY.integer()
      : k === 'number' ? QUERY.number() : k === 'boolean' ? QUERY.boolean() : k === 'enum' ? QUERY.enum(s) : QUERY.string();
    const cls = k === 'datetime' || k === 'date' ? 'time' : ['integer', 'number', 'boolean', 'enum'].includes(k) ? 'numbers' : 'strings';
    // A far-away date in a read filter is harmless: only the body's dates carry that expectation.
    for (const [n, v, e] of table) out[cls].push(caseOf(cls, `?${p.name}: ${n}`, (req) => { req.query.push([p.name, typeof v === 'function' ? v() : v]); }, e === 'outOfRange' ? null : e));
    out.structure.push(caseOf('structure', `?${p.name}: repeated`, (req) => { const v = enc(String(genValid(p.schema, p.name, gOf(req)) ?? 'x')); req.query.push([p.name, v], [p.name, v]); }));
  }
  if (op.queryParams.some((p) => p.name === 'page') && op.queryParams.some((p) => p.name === 'pageSize')) {
    out.numbers.push(caseOf('numbers', '?page&pageSize: offset-overflow', (req) => { req.query.push(['page', '2147483647'], ['pageSize', '200']); }));
    out.numbers.push(caseOf('numbers', '?page&pageSize: large-offset', (req) => { req.query.push(['page', '10737419'], ['pageSize', '200']); }));
  }
  out.structure.push(caseOf('structure', '?: unknown-parameter', (req) => { req.query.push(['unknownParam', 'x']); }));
  out.structure.push(caseOf('structure', '?: nul-key', (req) => { req.query.push(['%00', '1']); }));
  out.structure.push(caseOf('structure', '?: 200-parameters', (req) => { for (let i = 0; i < 200; i++) req.query.push([`p${i}`, String(i)]); }));
  out.structure.push(caseOf('structure', '?: long-query-16k', (req) => { req.query.push(['q', 'x'.repeat(16000)]); }));
  if (!op.bodySchema && op.method !== 'GET' && op.method !== 'HEAD') {
    out.structure.push(caseOf('structure', 'body: unexpected-json', (req) => { req.bodyRaw = '{"a":1}'; req.contentType = 'application/json'; }));
    out.structure.push(caseOf('structure', 'body: unexpected-invalid-json', (req) => { req.bodyRaw = '{"a":'; req.contentType = 'application/json'; }));
  }
  if (op.method === 'GET') out.structure.push(caseOf('structure', 'body: on-GET', (req) => { req.bodyRaw = '{"a":1}'; req.contentType = 'application/json'; }));
  return out;
}

function forge(claims) {
  const p = { ...(ctx.jwt?.payload || {}) };
  for (const [k, v] of Object.entries(claims)) { if (v === undefined) delete p[k]; else p[k] = v; }
  return p;
}
const tokenOf = (req) => ctx.tokens[req.role && req.role !== 'anonymous' ? req.role : 'director'];

function httpCases(op, firstOfPath) {
  const out = [];
  const add = (name, mutate, expect, tags) => out.push(caseOf('http', name, mutate, expect, tags));
  // Content types
  if (op.bodySchema) {
    for (const [n, ct, body, e] of [
      ['text/plain', 'text/plain', null, 'contentType'], ['application/xml', 'application/xml', '<complaint><subject>x</subject></complaint>', 'contentType'],
      ['none', null, null, 'contentType'], ['charset=latin1', 'application/json; charset=latin1'], ['charset=utf-16', 'application/json; charset=utf-16'],
      ['form-urlencoded', 'application/x-www-form-urlencoded', 'a=1&b=2', 'contentType'], ['multipart', 'multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="file"; filename="x.json"\r\n\r\n{}\r\n--zzz--\r\n', 'contentType'],
      ['json-patch', 'application/json-patch+json'], ['problem+json', 'application/problem+json'], ['upper-case', 'APPLICATION/JSON'], ['double-semicolon', 'application/json;;'],
      ['jsonx', 'application/jsonx', null, 'contentType'], ['wildcard', '*/*', null, 'contentType'], ['garbage', 'garbage'],
      ['text/csv', 'text/csv', null, op.contentTypes.some((t) => /csv/i.test(t)) ? null : 'contentType'],
    ]) {
      add(`content-type: ${n}`, (req) => { req.contentType = ct; if (body !== null && body !== undefined) req.bodyRaw = body; }, e);
    }
    add('body: 1.5MB', (req) => { req.bodyRaw = `{"x":"${'x'.repeat(1_500_000)}",${toJson(req.json ?? {}).replace(/^\{/, '')}`.replace(/,}$/, '}'); }, null, ['huge']);
    if (op.contentTypes.some((t) => /csv/i.test(t))) add('body: 9MB csv', (req) => { req.contentType = 'text/csv'; req.bodyRaw = `registrationNumber,month,revenue,grossProfit,orderCount,currency\n${'X,2026-01,1,0,1,CNY\n'.repeat(480000)}`; }, null, ['huge', 'above-8MB']);
  }
  // Methods the path does not define (once per path)
  if (firstOfPath) {
    const defined = new Set([...opByKey.values()].filter((o) => o.path === op.path).map((o) => o.method));
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO']) {
      if (defined.has(m) || (m === 'HEAD' && defined.has('GET'))) continue;
      add(`method: ${m}`, (req) => { req.method = m; if (['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(m)) { req.json = undefined; req.bodyRaw = undefined; } }, 'method');
    }
    if (defined.has('GET')) add('method: HEAD', (req) => { req.method = 'HEAD'; req.json = undefined; });
    const pathVariants = [
      ['trailing-slash', (p) => `${p}/`], ['nul-suffix', (p) => `${p}%00`, 'nul'], ['dotdot-suffix', (p) => `${p}/..%2f..%2fswagger`], ['dotdot-raw', (p) => `${p}/../../swagger/v1/swagger.json`],
      ['double-slash', (p) => p.replace('/api/v1/', '/api/v1//')], ['semicolon', (p) => `${p};jsessionid=1`], ['long-8k', (p) => `${p}/${'a'.repeat(8000)}`],
      ['long-64k', (p) => `${p}/${'a'.repeat(64000)}`], ['upper-case', (p) => p.toUpperCase()], ['backslashes', (p) => p.replace(/\//g, '\\')], ['encoded-slashes', (p) => p.replace(/\//g, '%2F')],
      ['invalid-utf8', (p) => `${p}%ff%fe`], ['overlong-utf8-dot', (p) => `${p}/%c0%ae%c0%ae/`], ['fragment', (p) => `${p}#x`], ['absolute-uri', (p) => `http://evil.example${p}`],
    ];
    for (const [n, f, e] of pathVariants) add(`path: ${n}`, (req) => { req.rawPath = f(fillPath(op.path, req.params)); }, e);
  }
  // Malformed ids in the path
  for (const pp of op.pathParams) {
    for (const [n, v, e] of [
      ['not-a-guid', 'not-a-guid'], ['zero-guid', ZERO_GUID], ['unknown-guid', () => seededUuid()], ['upper-case', (req) => String(req.params[pp.name]).toUpperCase()],
      ['braces', (req) => enc(`{${req.params[pp.name]}}`)], ['no-dashes', (req) => String(req.params[pp.name]).replace(/-/g, '')], ['nul', '%00', 'nul'],
      ['guid-then-nul', (req) => `${req.params[pp.name]}%00`, 'nul'], ['dotdot', '..%2f..%2fswagger'], ['dots-encoded', '%2e%2e'], ['long-10k', 'a'.repeat(10000)],
      ['invalid-utf8', '%ff'], ['space', '%20'], ['empty', ''], ['number', '1'], ['probe-users-account', () => ctx.probeAccount || ZERO_GUID],
    ]) add(`{${pp.name}}: ${n}`, (req) => { req.rawParams[pp.name] = typeof v === 'function' ? v(req) : v; }, e);
  }
  // If-Match: every variant where the operation declares or documents it; a few elsewhere (ignored there, so no
  // expectation).
  const declared = op.ifMatch;
  const honoured = declared || (op.ifMatchDocumented && op.method !== 'GET' && op.method !== 'HEAD');
  if (honoured || ['PUT', 'DELETE', 'PATCH'].includes(op.method) || (op.method === 'POST' && op.pathParams.length)) {
    const cur = (req) => req.headers['if-match'] || req.currentEtag || '"0"';
    const variants = [
      ['missing', () => undefined, declared ? 'noIfMatch' : null], ['weak-current', (req) => `W/${cur(req)}`, 'weakEtag'], ['"abc"', () => '"abc"', 'badEtag'], ['star', () => '*'],
      ['long-10k', () => `"${'1'.repeat(10000)}"`, 'badEtag'], ['uint-overflow', () => '"4294967296"', 'badEtag'], ['negative', () => '"-1"', 'badEtag'],
      ['list', (req) => `${cur(req)}, ${cur(req)}`], ['unquoted', (req) => cur(req).replace(/"/g, ''), 'badEtag'], ['empty-quotes', () => '""', 'badEtag'],
      ['weak-empty', () => 'W/""', 'badEtag'], ['stale', () => '"1"'], ['utf8', () => '"版本"', 'badEtag'],
    ];
    for (const [n, f, e] of (honoured ? variants : variants.slice(1, 5))) {
      add(`if-match: ${n}`, async (req) => {
        if (!req.headers['if-match'] && honoured) req.currentEtag = await etagFor(fillPath(op.path, req.params), req.role);
        req.headers['if-match'] = f(req);
      }, honoured ? e : null);
    }
  }
  // Idempotency-Key
  if (op.idemKey) {
    for (const [n, v] of [['long-10k', 'k'.repeat(10000)], ['201-chars', 'k'.repeat(201)], ['unicode', '幂等键-ключ-😀'], ['latin1', 'clé-ÿ'], ['whitespace', '   '], ['empty', ''], ['list', 'a, b']]) {
      add(`idempotency-key: ${n}`, (req) => { req.headers['idempotency-key'] = v; });
    }
  }
  // Credentials (secured operations)
  if (!op.anonymous) {
    const creds = [
      ['garbage', () => 'Bearer garbage', 'auth'], ['empty-bearer', () => 'Bearer ', 'auth'], ['bearer-only', () => 'Bearer', 'auth'],
      ['wrong-signature', (req) => `Bearer ${tokenOf(req).slice(0, -3)}${tokenOf(req).endsWith('AAA') ? 'BBB' : 'AAA'}`, 'auth'],
      ['no-signature', (req) => `Bearer ${tokenOf(req).split('.').slice(0, 2).join('.')}.`, 'auth'],
      ['alg-none', () => `Bearer ${signJwt(forge({}), { alg: 'none', header: { alg: 'none', typ: 'JWT' } })}`, 'auth'],
      ['basic-scheme', (req) => `Basic ${Buffer.from(`director@${DEMO_DOMAIN}:${PASSWORD}`).toString('base64')}`, 'auth'], ['token-scheme', (req) => `Token ${tokenOf(req)}`, 'auth'],
      ['lower-case-bearer', (req) => `bearer ${tokenOf(req)}`], ['double-space', (req) => `Bearer  ${tokenOf(req)}`], ['two-tokens', (req) => `Bearer ${tokenOf(req)}, Bearer garbage`],
      ['huge-20k', () => `Bearer ${'a'.repeat(20000)}`, 'auth'], ['in-query-only', null, 'auth'],
    ];
    if (SIGNING_KEY && ctx.jwt) {
      const t = Math.floor(Date.now() / 1000);
      creds.push(
        ['expired', () => `Bearer ${signJwt(forge({ exp: t - 3600, nbf: t - 7200, iat: t - 7200 }))}`, 'auth'],
        ['not-yet-valid', () => `Bearer ${signJwt(forge({ nbf: t + 3600, iat: t, exp: t + 7200 }))}`, 'auth'],
        ['wrong-issuer', () => `Bearer ${signJwt(forge({ iss: 'evil' }))}`, 'auth'], ['wrong-audience', () => `Bearer ${signJwt(forge({ aud: 'evil' }))}`, 'auth'],
        ['signed-sub-not-guid', () => `Bearer ${signJwt(forge({ sub: 'not-a-guid' }))}`, 'unknownUser'], ['signed-sub-unknown-user', () => `Bearer ${signJwt(forge({ sub: seededUuid() }))}`, 'unknownUser'],
        ['signed-no-sub', () => `Bearer ${signJwt(forge({ sub: undefined }))}`, 'unknownUser'], ['signed-role-unknown', () => `Bearer ${signJwt(forge({ role: 'God' }))}`],
        ['signed-no-role', () => `Bearer ${signJwt(forge({ role: undefined }))}`], ['signed-exp-year-9999', () => `Bearer ${signJwt(forge({ exp: 253402300800 }))}`],
        ['signed-exp-huge', () => `Bearer ${signJwt(forge({ exp: 1e20 }))}`], ['signed-sub-nul', () => `Bearer ${signJwt(forge({ sub: 'a\u0000b' }))}`, 'unknownUser'],
      );
    }
    for (const [n, f, e] of creds) {
      add(`authorization: ${n}`, (req) => {
        if (f === null) { req.query.push(['access_token', tokenOf(req)]); delete req.headers.authorization; return; }
        req.headers.authorization = f(req);
      }, e);
    }
  }
  add('accept: application/xml', (req) => { req.headers.accept = 'application/xml'; });
  add('accept: garbage', (req) => { req.headers.accept = 'garbage/;;'; });
  return out;
}

/** Cases that send more than one request (order or timing matters). run(op, role) returns [{ req, res }]. */
function multiCases(op) {
  const out = { http: [], concurrency: [] };
  const pair = async (op2, role, tweak) => {
    const a = await baseRequest(op2, role);
    const b = await baseRequest(op2, role);
    await tweak?.(a, b);
    const [ra, rb] = await Promise.all([send(wire(a)), send(wire(b))]);
    return [{ req: a, res: ra }, { req: b, res: rb }];
  };
  const idOf = (r) => { try { return JSON.parse(r.text).id; } catch { return undefined; } };
  const ok = (r) => r.status >= 200 && r.status < 300;
  if (op.idemKey && op.bodySchema) {
    out.http.push({ cls: 'http', name: 'idempotency-key: same key, another body', requests: 2, run: async (role) => {
      const a = await baseRequest(op, role);
      const ra = await send(wire(a));
      const b = await baseRequest(op, role);
      b.headers['idempotency-key'] = a.headers['idempotency-key'];
      const slot = bodySlots(op).find((s) => s.k === 'string' && typeof s.path.at(-1) === 'string');
      if (slot) b.json = setAt(b.json, op.bodySchema, slot.path, 'another body, same key', gOf(b));
      const rb = await send(wire(b));
      return [{ req: a, res: ra }, { req: b, res: rb, suspicious: ok(ra) && ok(rb) ? EXPECT.idemOtherBody : null }];
    } });
    out.http.push({ cls: 'http', name: 'idempotency-key: replay', requests: 2, run: async (role) => {
      const a = await baseRequest(op, role);
      const ra = await send(wire(a));
      const rb = await send(wire(a));
      return [{ req: a, res: ra }, { req: a, res: rb, suspicious: ok(ra) && ok(rb) && idOf(ra) && idOf(rb) && idOf(ra) !== idOf(rb) ? EXPECT.idemNewResource : null }];
    } });
    for (let i = 0; i < CONCURRENCY_ROUNDS; i++) {
      out.concurrency.push({ cls: 'concurrency', name: 'same Idempotency-Key twice at once', requests: 2, run: async (role) => {
        const r = await pair(op, role, (a, b) => { b.headers['idempotency-key'] = a.headers['idempotency-key']; b.json = clone(a.json); });
        if (r.every((x) => ok(x.res)) && idOf(r[0].res) !== idOf(r[1].res)) r[1].suspicious = EXPECT.idemNewResource;
        return r;
      } });
    }
  }
  if (op.ifMatch && (op.method === 'PUT' || op.method === 'PATCH') && op.bodySchema) {
    for (let i = 0; i < CONCURRENCY_ROUNDS; i++) {
      out.concurrency.push({ cls: 'concurrency', name: 'two updates with the same If-Match at once', requests: 2, run: async (role) => {
        const r = await pair(op, role, (a, b) => { b.headers['if-match'] = a.headers['if-match']; });
        if (r.every((x) => ok(x.res)) && r[0].req.headers['if-match']) r[1].suspicious = EXPECT.lostUpdate;
        return r;
      } });
    }
  }
  if (op.method === 'POST' && op.bodySchema && !op.anonymous) {
    for (let i = 0; i < CONCURRENCY_ROUNDS; i++) {
      out.concurrency.push({ cls: 'concurrency', name: 'the same request twice at once', requests: 2, run: async (role) => pair(op, role, (a, b) => {
        b.json = clone(a.json);
        if (b.headers['idempotency-key']) b.headers['idempotency-key'] = unique('fuzz-key-');
      }) });
    }
  } else if (op.method === 'POST' && op.pathParams.length && !op.bodySchema) {
    for (let i = 0; i < CONCURRENCY_ROUNDS; i++) out.concurrency.push({ cls: 'concurrency', name: 'the same action twice at once', requests: 2, run: async (role) => pair(op, role) });
  }
  return out;
}

// ───────────────────────────── checks on every response ─────────────────────────────

const LEAK_PATTERNS = [
  ['.NET type name (System.*)', /\bSystem\.[A-Z][A-Za-z]+/],
  ['.NET type name (Microsoft.*)', /\bMicrosoft\.[A-Z][A-Za-z]+/],
  ['internal type name (KeyAccount.*)', /\bKeyAccount\.(Api|Application|Domain|Infrastructure)\b/],
  ['Npgsql', /Npgsql/i],
  ['exception name', /[A-Za-z]Exception\b/],
  ['stack frame', /\bat [A-Za-z_][\w.`<>]*\.[\w<>`]+\(/],
  ['SQL', /\bSQL\b|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b/],
  ['SQLSTATE code', /\bSQLSTATE\b|\b(?:23505|23503|23502|23514|22P02|22001|22003|22007|22008|22021|42P01|42703|42601|42883|40001|40P01|57014|08P01)\b/],
  ['EF Core', /EntityFramework|DbUpdate|DbContext/],
  ['serializer internals', /\bPath: \$|LineNumber: \d+|BytePositionInLine/],
];
const STRICT_LEAKS = new Set(['Npgsql', 'stack frame', 'SQLSTATE code', 'EF Core']);

function leaksIn(text, status, sentText) {
  if (!text) return [];
  const body = text.length > 300000 ? text.slice(0, 300000) : text;
  const found = [];
  for (const [name, re] of LEAK_PATTERNS) {
    if (status < 400 && !STRICT_LEAKS.has(name)) continue;
    const m = re.exec(body);
    if (!m) continue;
    if (sentText && sentText.includes(m[0])) continue; // our own input echoed back is not a leak
    found.push({ kind: name, match: m[0].slice(0, 80) });
  }
  return found;
}
function traceIdOf(text) {
  try { return JSON.parse(text)?.traceId ?? null; } catch { return /"traceId"\s*:\s*"([^"]+)"/.exec(text || '')?.[1] ?? null; }
}
const excerpt = (s, n = 300) => {
  if (s === undefined || s === null) return '';
  const str = Buffer.isBuffer(s) ? s.toString('utf8') : String(s);
  const short = str.length > n ? `${str.slice(0, n)}… (${str.length} chars)` : str;
  return short.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};

// ───────────────────────────── the run ─────────────────────────────

const run = {
  started: Date.now(), records: [], serverErrors: [], suspicious: [], suspiciousCount: 0, leaks: [], leakCount: 0, leakKinds: {},
  suspiciousByReason: {}, nonProblem: [], nonProblemCount: 0, nonProblemByStatus: {}, timeouts: [], networkErrors: [], probeFailures: [], probes: 0, afterErrorProbeSets: 0,
  missingAllow: [], fuzzerErrors: [], afterWriteProbeSets: 0, lastPassingProbesAt: 0, lastProbeSetPassed: true, consecutiveDown: 0, apiDown: false, caseStats: {},
};
let counter = 0;

function record(kind, c, req, w, res, extra = {}) {
  counter++;
  const ct = String(res.headers?.['content-type'] || '');
  const rec = {
    n: counter, cls: kind, case: c.name, op: req.op?.key || '-', role: req.role || 'anonymous', method: w.method, path: excerpt(w.path, 160),
    status: res.status, ct, ms: res.ms, error: res.error, traceId: res.status >= 500 ? traceIdOf(res.text) : undefined,
  };
  run.records.push(rec);
  const cs = (run.caseStats[`${rec.cls} | ${rec.op} | ${c.name}`] ||= {});
  cs[rec.status] = (cs[rec.status] || 0) + 1;
  const sent = w.body ? w.body.toString('utf8') : '';
  const detail = () => ({ ...rec, request: { headers: redactHeaders(w.headers), body: excerpt(w.body, 300) }, response: excerpt(res.text, 500) });
  if (res.status === 0) {
    run.consecutiveDown = /ECONNREFUSED/.test(res.error || '') ? run.consecutiveDown + 1 : 0;
    if (res.timeout) run.timeouts.push(detail());
    else run.networkErrors.push(detail());
  } else {
    run.consecutiveDown = 0;
  }
  if (res.status >= 500) {
    run.serverErrors.push(detail());
    if (VERBOSE) console.log(`  5xx #${run.serverErrors.length}: ${res.status} ${rec.op} [${rec.cls}] ${c.name} as ${rec.role}`);
  }
  if (res.status >= 400 && w.method !== 'HEAD' && !/^application\/problem\+json/i.test(ct)) {
    run.nonProblemCount++;
    const kindKey = `${res.status} ${ct ? ct.split(';')[0] : '(no content type)'}`;
    run.nonProblemByStatus[kindKey] = (run.nonProblemByStatus[kindKey] || 0) + 1;
    if (run.nonProblem.length < 20 && run.nonProblemByStatus[kindKey] <= 3) run.nonProblem.push({ ...detail(), contentType: ct || '(none)' });
  }
  if (res.status === 405 && !res.headers?.allow) run.missingAllow.push(`${w.method} ${excerpt(w.path, 120)}`);
  const leaks = leaksIn(res.text, res.status, sent);
  if (leaks.length) {
    run.leakCount++;
    for (const l of leaks) run.leakKinds[l.kind] = (run.leakKinds[l.kind] || 0) + 1;
    if (run.leaks.length < 20 && leaks.every((l) => run.leakKinds[l.kind] <= 3)) run.leaks.push({ ...detail(), leaks });
  }
  const why = extra.suspicious ?? (res.status >= 200 && res.status < 300 ? c.expect : null);
  if (why) {
    run.suspiciousCount++;
    run.suspiciousByReason[why] = (run.suspiciousByReason[why] || 0) + 1;
    if (run.suspicious.length < 20 && run.suspiciousByReason[why] <= 3) run.suspicious.push({ reason: why, ...detail() });
  }
  learn(req, w, res);
  return rec;
}
function redactHeaders(h) {
  const o = {};
  for (const [k, v] of Object.entries(h || {})) {
    const s = String(v);
    o[k] = k === 'authorization' ? excerpt(s.replace(/(Bearer\s+)([\w-]{12})[\w.-]{20,}/i, '$1$2…'), 80) : excerpt(s, 120);
  }
  return o;
}
/** Keeps the id pools current: complaints move between states, deleted things leave, versions change. */
function learn(req, w, res) {
  if (res.status === 412 && req.op) invalidateEtags(fillPath(req.op.path, req.params));
  if (!(res.status >= 200 && res.status < 300) || !req.op) return;
  let json = null;
  try { json = res.text ? JSON.parse(res.text) : null; } catch { /* ignore */ }
  if (json) noteComplaint(json);
  if (w.method !== 'GET' && w.method !== 'HEAD') {
    invalidateEtags(fillPath(req.op.path, req.params));
    if (res.headers?.etag && w.method !== 'POST') ctx.etags.set(fillPath(req.op.path, req.params), res.headers.etag);
  }
  if (w.method === 'DELETE') {
    const removed = Object.values(req.params);
    ctx.sacrificial = ctx.sacrificial.filter((id) => !removed.includes(id));
    for (const [acc, list] of Object.entries(ctx.contacts)) ctx.contacts[acc] = list.filter((id) => !removed.includes(id));
    for (const [k, id] of [...ctx.lists.entries()]) if (removed.includes(id)) ctx.lists.delete(k);
  }
  if (/\/publish$/.test(req.op.path)) ctx.policyDrafts = ctx.policyDrafts.filter((id) => id !== req.params.id);
}
/** Refills the pools that successful requests drain (setup requests, not counted). */
async function replenish(op) {
  if (op.method === 'DELETE' && op.path === '/api/v1/accounts/{id}' && ctx.sacrificial.length < 2) {
    const r = await api('POST', '/api/v1/accounts', { role: 'director', body: knownGood['POST /api/v1/accounts']() });
    if (r.json?.id) ctx.sacrificial.push(r.json.id);
  }
  if (/\/contacts\/\{contactId\}$/.test(op.path)) {
    for (const role of ctx.roles) {
      const acc = accountFor(role);
      if (ctx.contacts[acc] && ctx.contacts[acc].length === 0) {
        const c = await api('POST', `/api/v1/accounts/${acc}/contacts`, { role: 'director', body: contactBody() });
        if (c.json?.id) ctx.contacts[acc].push(c.json.id);
      }
    }
  }
  if (/\/tiering\/policies\/\{id\}/.test(op.path) && ctx.policyDrafts.length === 0) {
    const r = await api('POST', '/api/v1/tiering/policies', { role: 'director', body: policyBody() });
    if (r.json?.id) ctx.policyDrafts.push(r.json.id);
  }
  const action = /^\/api\/v1\/complaints\/\{id\}\/([a-z-]+)$/.exec(op.path)?.[1];
  if (action && ACTION_STATE[action] && !ACTION_STATE[action].some((s) => ctx.complaintsByState[s]?.length)) await complaintIn(ACTION_STATE[action][0]);
}
async function complaintIn(state) {
  const path = { New: [], Acknowledged: ['acknowledge'], InProgress: ['acknowledge', 'assign'], AwaitingCustomer: ['acknowledge', 'assign', 'await-customer'],
    Resolved: ['acknowledge', 'assign', 'resolve'], Closed: ['acknowledge', 'assign', 'resolve', 'close'], Reopened: ['acknowledge', 'assign', 'resolve', 'reopen'] }[state];
  if (!path) return;
  const r = await api('POST', '/api/v1/complaints', { role: 'director', body: knownGood['POST /api/v1/complaints']({ role: 'director' }) });
  if (!r.json?.id) return;
  let last = r.json;
  for (const a of path) {
    const x = await api('POST', `/api/v1/complaints/${r.json.id}/${a}`, { role: 'director', body: knownGood[`POST /api/v1/complaints/{id}/${a}`]() });
    if (x.json?.status) last = x.json;
  }
  noteComplaint(last);
}

/** Valid requests as a user the mutations never use: any failure means an earlier request broke something. */
async function probeSet(reason) {
  const t = ctx.tokens[PROBE_USER];
  const list = [
    ['GET /api/v1/accounts/{id}', 'GET', `/api/v1/accounts/${ctx.probeAccount}`],
    ['GET /api/v1/accounts', 'GET', '/api/v1/accounts?pageSize=20'],
    ['GET /api/v1/complaints', 'GET', '/api/v1/complaints?pageSize=20'],
    ['GET /api/v1/me', 'GET', '/api/v1/me'],
    ['POST /api/v1/complaints', 'POST', '/api/v1/complaints', knownGood['POST /api/v1/complaints']({ role: PROBE_USER, account: ctx.probeAccount })],
  ];
  let failedHere = false;
  for (const [name, method, p, body] of list) {
    const headers = { authorization: `Bearer ${t}`, accept: 'application/json' };
    if (body) { headers['content-type'] = 'application/json'; headers['idempotency-key'] = unique('probe-'); }
    let res = await send({ method, path: p, headers, body: body ? Buffer.from(toJson(body)) : undefined });
    run.probes++;
    if (res.status === 0 && !res.timeout && !/ECONNREFUSED/.test(res.error || '')) {
      // A kept-alive socket the server had closed: one retry, so a client-side hiccup is not taken for a failure.
      res = await send({ method, path: p, headers, body: body ? Buffer.from(toJson(body)) : undefined });
    }
    if (res.status >= 200 && res.status < 300) continue;
    const recent = run.records.slice(-5).map((r) => `#${r.n} ${r.status} ${r.op} [${r.cls}] ${r.case} as ${r.role}`);
    const last5xx = run.serverErrors.at(-1);
    run.probeFailures.push({
      afterRequest: counter, reason, probe: name, status: res.status, error: res.error, traceId: traceIdOf(res.text), response: excerpt(res.text, 400),
      precedingRequests: recent, last5xx: last5xx ? { n: last5xx.n, op: last5xx.op, cls: last5xx.cls, case: last5xx.case, role: last5xx.role, traceId: last5xx.traceId, body: last5xx.request.body } : null,
    });
    const failure = run.probeFailures.at(-1);
    const window = run.records.filter((r) => r.n > run.lastPassingProbesAt);
    const line = (r) => `#${r.n} ${r.status || r.error} ${r.op} [${r.cls}] ${r.case} as ${r.role}`;
    failure.firstOfEpisode = run.lastProbeSetPassed;
    failure.window = { from: run.lastPassingProbesAt + 1, to: counter, requests: window.length };
    failure.serverErrorsInWindow = window.filter((r) => r.status >= 500).slice(-20).map(line);
    failure.acceptedWritesInWindow = window.filter((r) => r.status >= 200 && r.status < 300 && r.method !== 'GET' && r.method !== 'HEAD').slice(-30).map(line);
    if (run.probeFailures.length <= 10) {
      console.log(`  !! probe ${name} failed after request #${counter} (${reason}): ${res.status || res.error}${last5xx ? `; last 5xx: #${last5xx.n} ${last5xx.op} [${last5xx.cls}] ${last5xx.case}` : ''}`);
    } else if (run.probeFailures.length === 11) {
      console.log('  !! more probe failures: see the report');
    }
    failedHere = true;
  }
  if (!failedHere) run.lastPassingProbesAt = counter;
  run.lastProbeSetPassed = !failedHere;
}

const isWrite = (m) => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
/** Sends a case; tells whether any answer was a 5xx and whether a write was accepted (2xx). */
async function sendCase(c, op, role) {
  if (c.run) {
    const results = await c.run(role);
    for (const x of results) record(c.cls, c, x.req, wire(x.req), x.res, { suspicious: x.suspicious ?? null });
    return { error: results.some((x) => x.res.status >= 500), write: results.some((x) => isWrite(x.req.method) && x.res.status >= 200 && x.res.status < 300) };
  }
  const destructive = op.method === 'DELETE' || (c.cls === 'http' && /^method: DELETE/.test(c.name));
  const req = await baseRequest(op, role, { destructive });
  await c.mutate(req);
  const w = wire(req);
  const res = await send(w);
  record(c.cls, c, req, w, res);
  return { error: res.status >= 500, write: isWrite(w.method) && res.status >= 200 && res.status < 300 };
}

// ───────────────────────────── plan ─────────────────────────────

async function baseline(ops) {
  console.log(`== Baseline: one valid request per operation and role (${ops.length} operations × ${ctx.roles.length + 1} callers)`);
  const c = { name: 'valid request', expect: null };
  for (const op of ops) {
    ctx.allowed[op.key] = [];
    ctx.baseline[op.key] = {};
    for (const role of [...ctx.roles, 'anonymous']) {
      let res;
      try {
        await replenish(op);
        const req = await baseRequest(op, role, { destructive: op.method === 'DELETE' });
        const w = wire(req);
        res = await send(w);
        record('baseline', { ...c, expect: role === 'anonymous' && !op.anonymous ? EXPECT.anonymous : null }, req, w, res);
        if (res.status >= 500) await maybeProbe(true);
      } catch (e) {
        run.fuzzerErrors.push({ op: op.key, role, case: 'baseline', error: String(e?.stack || e).slice(0, 500) });
        continue;
      }
      ctx.baseline[op.key][role] = res.status;
      if (res.status === 428 && !op.ifMatch) {
        // The server wants If-Match where the document does not declare it: send it from now on, and say so.
        op.ifMatch = true;
        op.ifMatchLearned = true;
        ctx.notes.push(`${op.key} answered 428 without If-Match, but the OpenAPI document does not declare an If-Match header`);
      }
      const allowed = op.anonymous ? role === 'anonymous' : role !== 'anonymous' && res.status !== 401 && res.status !== 403 && res.status !== 0;
      if (allowed) ctx.allowed[op.key].push(role);
    }
  }
}

/** Share of the mutation budget each class aims for; a class that runs out of cases leaves its share to the others. */
const CLASS_SHARE = { time: 0.15, strings: 0.2, numbers: 0.17, structure: 0.2, http: 0.23, concurrency: 0.05 };
const CREDENTIAL_CASES_PER_OP = 10;

function buildPlan(ops, budget) {
  const firstOfPath = new Set();
  const queues = Object.fromEntries(CLASSES.map((c) => [c, []]));
  let available = 0;
  for (const op of ops) {
    const isFirst = !firstOfPath.has(op.path);
    firstOfPath.add(op.path);
    const b = bodyCases(op);
    const qc = queryCases(op);
    const m = multiCases(op);
    // Credentials go through the same middleware everywhere: a shuffled handful per operation.
    const hc = httpCases(op, isFirst);
    const creds = shuffle(hc.filter((c) => /^authorization:/.test(c.name))).slice(0, CREDENTIAL_CASES_PER_OP);
    const byClass = {
      time: [...b.time, ...qc.time], strings: [...b.strings, ...qc.strings], numbers: [...b.numbers, ...qc.numbers],
      structure: [...b.structure, ...qc.structure], http: [...hc.filter((c) => !/^authorization:/.test(c.name)), ...creds, ...m.http], concurrency: m.concurrency,
    };
    for (const cls of CLASSES) {
      shuffle(byClass[cls]);
      available += byClass[cls].reduce((a, c) => a + (c.requests || 1), 0);
      if (byClass[cls].length) queues[cls].push({ op, list: byClass[cls] });
    }
  }
  for (const cls of CLASSES) shuffle(queues[cls]);
  // Each step: the class furthest below its share, then the next operation (round robin) that has a case of it.
  const plan = [];
  const usedBy = Object.fromEntries(CLASSES.map((c) => [c, 0]));
  const rr = Object.fromEntries(CLASSES.map((c) => [c, 0]));
  let used = 0;
  let huge = 0;
  // One slot of the huge-body cap is kept for a body above the largest request limit (8 MB) where there is one.
  let reserveAbove8MB = HUGE_CAP > 1 && Object.values(queues).some((q) => q.some((x) => x.list.some((c) => c.tags?.includes('above-8MB'))));
  const live = new Set(CLASSES.filter((c) => queues[c].length));
  while (used < budget && live.size) {
    let cls = null;
    let best = -Infinity;
    for (const c of live) {
      const deficit = CLASS_SHARE[c] * (used + 1) - usedBy[c];
      if (deficit > best) { best = deficit; cls = c; }
    }
    const q = queues[cls];
    let taken = null;
    for (let k = 0; k < q.length && !taken; k++) {
      const slot = q[(rr[cls] + k) % q.length];
      while (slot.list.length) {
        const c = slot.list.shift();
        if (c.tags?.includes('huge') && huge >= HUGE_CAP - (reserveAbove8MB && !c.tags.includes('above-8MB') ? 1 : 0)) continue;
        if (used + (c.requests || 1) > budget) continue;
        taken = { op: slot.op, c };
        rr[cls] = (rr[cls] + k + 1) % q.length;
        break;
      }
    }
    if (!taken) { live.delete(cls); continue; }
    if (taken.c.tags?.includes('huge')) huge++;
    if (taken.c.tags?.includes('above-8MB')) reserveAbove8MB = false;
    const cost = taken.c.requests || 1;
    used += cost;
    usedBy[cls] += cost;
    plan.push({ op: taken.op, c: taken.c, role: null });
  }
  // Callers: mostly roles allowed to call the operation (rotating), every 9th as anonymous or a refused role.
  const turns = new Map();
  for (const item of plan) {
    const { op, c } = item;
    const allowed = ctx.allowed[op.key]?.length ? ctx.allowed[op.key] : op.anonymous ? ['anonymous'] : ['director'];
    const t = turns.get(op.key) || 0;
    turns.set(op.key, t + 1);
    const others = [...ctx.roles, 'anonymous'].filter((r) => !allowed.includes(r));
    const credentialCase = c.cls === 'http' && /^authorization:/.test(c.name);
    item.role = !credentialCase && !c.run && others.length && t % 9 === 8 ? others[rint(others.length)] : allowed[t % allowed.length];
    if (item.role === 'anonymous' && !op.anonymous && !c.expect) item.c = { ...c, expect: EXPECT.anonymous };
  }
  return { plan, used, available };
}

let lastProbeAt = 0;
async function maybeProbe(after5xx, afterWrite = false) {
  if (after5xx && run.afterErrorProbeSets < MAX_AFTER_5XX_PROBES) {
    run.afterErrorProbeSets++;
    await probeSet('right after a 5xx');
    lastProbeAt = counter;
  } else if (afterWrite && run.afterWriteProbeSets < MAX_AFTER_WRITE_PROBES) {
    // A hostile value that was stored can break later requests as surely as a broken connection.
    run.afterWriteProbeSets++;
    await probeSet('right after an accepted write');
    lastProbeAt = counter;
  } else if (counter - lastProbeAt >= PROBE_EVERY) {
    await probeSet(`every ${PROBE_EVERY} requests`);
    lastProbeAt = counter;
  }
}

// ───────────────────────────── API log ─────────────────────────────

function parseApiLog(file) {
  const entries = [];
  let text = '';
  try { text = fs.readFileSync(file, 'utf8'); } catch { return entries; }
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let d;
    try { d = JSON.parse(line); } catch { continue; }
    const level = d.LogLevel || '';
    const exception = d.Exception || '';
    if (!(level === 'Error' || level === 'Critical' || (exception && level === 'Warning'))) continue;
    const scopes = Array.isArray(d.Scopes) ? d.Scopes : [];
    const traceId = scopes.find((s) => s && s.TraceId)?.TraceId || null;
    const reqScope = scopes.find((s) => s && s.RequestPath) || {};
    entries.push({ level, category: d.Category, message: d.Message, exception, traceId, requestId: reqScope.RequestId || null, requestPath: reqScope.RequestPath || null, time: d.Timestamp });
  }
  return entries;
}
/** Errors that are the symptom of a connection an earlier request left broken, not a cause of their own. */
const CONNECTION_STATE = /prepared statement "?\w+"? already exists|Received (unexpected )?backend message|while expecting|Please file a bug|connection is broken|is already in progress|current transaction is aborted/i;
const isConnectionState = (s) => CONNECTION_STATE.test(`${s.type}: ${s.message}`) || (/NullReferenceException|InvalidOperationException|InvalidCastException/.test(s.type) && /^Npgsql\./.test(s.top || ''));

function signatureOf(entry) {
  const text = entry.exception || entry.message || '';
  const lines = text.split('\n');
  const heads = [lines[0], ...lines.filter((l) => l.startsWith(' ---> ')).map((l) => l.slice(6))];
  const parse = (h) => {
    const m = /^([\w.`+<>[\],]+?)(?: \(0x[0-9A-Fa-f]+\))?: ([\s\S]*)$/.exec(h || '');
    return m ? { type: m[1], message: m[2] } : { type: entry.exception ? h : `(log) ${entry.category}`, message: entry.exception ? '' : h };
  };
  const outer = parse(heads[0]);
  const inner = parse(heads.at(-1));
  const strip = (l) => l?.trim().replace(/^at /, '').replace(/ in \/\S+:line \d+$/, '');
  const top = strip(lines.find((l) => /^\s+at /.test(l))) || '';
  const firstOwn = strip(lines.find((l) => /^\s+at KeyAccount\./.test(l))) || '';
  const norm = (s) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/[-+]?\d+/g, '#').slice(0, 200);
  const key = `${inner.type}: ${norm(inner.message)} @ ${top}`;
  return { key, outerType: outer.type, type: inner.type, message: inner.message.slice(0, 400), top, firstOwn, short: `${outer.type !== inner.type ? `${short(outer.type)} > ` : ''}${short(inner.type)}: ${inner.message.split('\n')[0].slice(0, 110)}` };
}
function short(type) { return String(type).split('.').pop(); }
/** "KeyAccount.Application.X.Handler.Handle(…)" → "Handler.Handle" */
function shortFrame(f) {
  const m = /([\w`<>]+)\.([\w`<>]+)\(/.exec(String(f || '').replace(/\.<>c\./, '.').replace(/<\.ctor>/, '<ctor>'));
  return m ? `${m[1]}.${m[2]}` : '-';
}
/** One entry per request (trace id): the exception handler's when there is one, else the first. */
function perTrace(entries) {
  const byTrace = new Map();
  for (const e of entries) {
    const k = e.traceId || e.requestId || `${e.time}-${byTrace.size}`;
    const cur = byTrace.get(k);
    if (!cur || (/ExceptionHandler/.test(e.category) && !/ExceptionHandler/.test(cur.category))) byTrace.set(k, e);
  }
  return byTrace;
}
const isUnhandled = (e) => /ExceptionHandler/.test(e.category || '') || /^Unhandled exception/.test(e.message || '');
function printLogSummary(entries) {
  if (!entries.length) {
    console.log('(no error entries in the API log)');
    return;
  }
  const byTrace = perTrace(entries);
  const unhandled = [...byTrace.values()].filter(isUnhandled);
  const others = [...byTrace.values()].filter((e) => !isUnhandled(e));
  const groups = new Map();
  const tidy = (p) => p.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}');
  for (const e of unhandled) {
    const s = signatureOf(e);
    const g = groups.get(s.key) || { s, requests: 0, paths: new Map(), frames: new Set() };
    g.requests++;
    if (s.firstOwn) g.frames.add(s.firstOwn.replace(/\(.*$/, '(…)'));
    if (e.requestPath) g.paths.set(tidy(e.requestPath), (g.paths.get(tidy(e.requestPath)) || 0) + 1);
    groups.set(s.key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => b.requests - a.requests);
  console.log(`${entries.length} error entries; ${unhandled.length} requests ended in an unhandled exception (a 500), ${sorted.length} distinct (exception type + message + top frame):`);
  sorted.forEach((g, i) => {
    const collateral = isConnectionState(g.s);
    console.log(`\n  [${i + 1}] ${g.requests}× ${g.s.outerType !== g.s.type ? `${g.s.outerType} > ` : ''}${g.s.type}${collateral ? '   (a broken pooled connection: symptom of an earlier request)' : ''}`);
    console.log(`      message: ${g.s.message.split('\n')[0].slice(0, 300)}`);
    console.log(`      top frame: ${g.s.top || '(none)'}`);
    const frames = [...g.frames];
    if (frames.length) console.log(`      in: ${frames.slice(0, 4).join('\n          ')}${frames.length > 4 ? `\n          … ${frames.length - 4} more` : ''}`);
    console.log(`      paths: ${[...g.paths.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([p, n]) => `${p} (${n})`).join(', ') || '(none)'}`);
  });
  if (others.length) {
    const byCat = {};
    for (const e of others) {
      const k = `${e.category}: ${signatureOf(e).short.slice(0, 120)}`;
      byCat[k] = (byCat[k] || 0) + 1;
    }
    console.log(`\n  Other error entries, for requests that did not end in a 500 (e.g. a database error the code turned into a 4xx), or outside requests: ${others.length}`);
    for (const [k, n] of Object.entries(byCat).sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`      ${n}× ${k}`);
  }
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  console.log(`KeyAccount fuzzer: ${BASE}, seed ${SEED}, budget ${BUDGET} requests, probes every ${PROBE_EVERY} and after every 5xx`);
  const d = await api('GET', '/swagger/v1/swagger.json');
  if (d.status !== 200 || !d.json?.paths) throw new Error(`cannot read the OpenAPI document: ${d.status} ${d.error || ''}`);
  doc = d.json;
  const ops = loadOperations().sort((a, b) => a.key.localeCompare(b.key));
  for (const op of ops) opByKey.set(op.key, op);
  console.log(`   ${ops.length} operations on ${new Set(ops.map((o) => o.path)).size} paths`);
  await signIn();
  console.log(`   signed in: ${ctx.roles.join(', ')} (probes as ${PROBE_USER})`);
  await seed();
  console.log(`   seeds: ${Object.values(ctx.accounts).reduce((s, l) => s + l.length, 0)} account ids over ${ctx.roles.length} roles, ${ctx.sacrificial.length} fresh accounts, ${ctx.complaints.length} complaints (${Object.entries(ctx.complaintsByState).map(([k, v]) => `${k} ${v.length}`).join(', ')}), ${ctx.policyDrafts.length} policy drafts; probe account ${ctx.probeAccount}`);
  await probeSet('before fuzzing');
  lastProbeAt = counter;

  await baseline(ops);
  const base5xx = run.serverErrors.length;
  const remaining = Math.max(0, BUDGET - counter);
  const { plan, used, available } = buildPlan(ops, remaining);
  run.planDigest = crypto.createHash('sha1').update(plan.map((x) => `${x.op.key}|${x.c.cls}|${x.c.name}|${x.role}`).join('\n')).digest('hex').slice(0, 12);
  console.log(`== Mutations: ${plan.length} cases (${used} requests) of ${available} available; baseline sent ${counter} (5xx: ${base5xx})`);
  let i = 0;
  for (const { op, c, role } of plan) {
    i++;
    let outcome = { error: false, write: false };
    try {
      await replenish(op);
      outcome = await sendCase(c, op, role);
    } catch (e) {
      run.fuzzerErrors.push({ op: op.key, role, case: `${c.cls}: ${c.name}`, error: String(e?.stack || e).slice(0, 500) });
    }
    await maybeProbe(outcome.error, outcome.write);
    if (run.consecutiveDown >= 20) {
      run.apiDown = true;
      console.log('!! the API stopped answering (20 refused connections in a row); stopping');
      break;
    }
    if (i % 250 === 0) console.log(`   [${counter} requests] 5xx ${run.serverErrors.length}, probes ${run.probes} (failed ${run.probeFailures.length}), ${Math.round((Date.now() - run.started) / 1000)} s`);
  }
  await probeSet('at the end');
  return ops;
}

function analyse(ops) {
  const byClass = Object.fromEntries(['baseline', ...CLASSES].map((c) => [c, 0]));
  const byOp = {};
  const requestsByClass = Object.fromEntries(['baseline', ...CLASSES].map((c) => [c, 0]));
  for (const r of run.records) requestsByClass[r.cls] = (requestsByClass[r.cls] || 0) + 1;
  for (const e of run.serverErrors) {
    byClass[e.cls] = (byClass[e.cls] || 0) + 1;
    byOp[e.op] = (byOp[e.op] || 0) + 1;
  }
  // Join each 5xx (and each failed probe) to the exception the server logged for its trace id.
  const entries = API_LOG ? parseApiLog(API_LOG) : [];
  const byTrace = perTrace(entries);
  const lookup = (traceId) => {
    if (!traceId) return null;
    const w3c = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceId);
    return byTrace.get(w3c ? w3c[1] : traceId) || null;
  };
  const causes = new Map();
  for (const e of run.serverErrors) {
    const entry = lookup(e.traceId);
    const s = entry ? signatureOf(entry) : { key: `(no log entry) HTTP ${e.status}`, type: `(no log entry for trace ${e.traceId || '-'})`, outerType: '', message: '', top: '', firstOwn: '', short: `(no log entry) HTTP ${e.status}` };
    e.cause = s.short;
    e.connectionState = !!entry && isConnectionState(s);
    const g = causes.get(s.key) || { cause: s.short, connectionState: isConnectionState(s), exceptionType: s.type, outerType: s.outerType, message: s.message, topFrame: s.top, firstKeyAccountFrame: s.firstOwn, keyAccountFrames: [], count: 0, byClass: {}, byOperation: {}, cases: {}, examples: [] };
    g.count++;
    if (s.firstOwn && !g.keyAccountFrames.includes(s.firstOwn) && g.keyAccountFrames.length < 8) g.keyAccountFrames.push(s.firstOwn);
    g.byClass[e.cls] = (g.byClass[e.cls] || 0) + 1;
    g.byOperation[e.op] = (g.byOperation[e.op] || 0) + 1;
    g.cases[e.case] = (g.cases[e.case] || 0) + 1;
    if (g.examples.length < 3) g.examples.push({ n: e.n, method: e.method, path: e.path, role: e.role, cls: e.cls, case: e.case, request: e.request, response: e.response });
    causes.set(s.key, g);
  }
  const probeCauses = {};
  for (const f of run.probeFailures) {
    const entry = lookup(f.traceId);
    if (entry) {
      const sig = signatureOf(entry);
      f.cause = `${sig.short} @ ${shortFrame(sig.firstOwn || sig.top)}`;
      f.connectionState = isConnectionState(sig);
    }
    const k = f.cause || `HTTP ${f.status || f.error}`;
    probeCauses[k] = (probeCauses[k] || 0) + 1;
    if (f.last5xx) {
      const e5 = lookup(f.last5xx.traceId);
      if (e5) f.last5xx.cause = signatureOf(e5).short;
    }
  }
  const logged5xxTraces = run.serverErrors.filter((e) => lookup(e.traceId)).length;
  // The first error of a broken pooled connection (a fuzzed request's or a probe's), and the 5xx just before it:
  // the likely triggers.
  const timeline = [
    ...run.serverErrors.map((e) => ({ at: e.n, what: `#${e.n} ${e.status} ${e.op} [${e.cls}] ${e.case} as ${e.role}`, cause: e.cause, cs: e.connectionState, fuzzed: true })),
    ...run.probeFailures.map((f) => ({ at: f.afterRequest + 0.5, what: `probe ${f.probe} after #${f.afterRequest}`, cause: f.cause, cs: !!f.connectionState, fuzzed: false })),
  ].sort((x, y) => x.at - y.at);
  const firstCs = timeline.find((t) => t.cs);
  const brokenConnection = firstCs ? { first: `${firstCs.what}: ${firstCs.cause}`, serverErrorsJustBefore: timeline.filter((t) => t.at < firstCs.at && !t.cs && t.fuzzed).slice(-3).map((t) => `${t.what}: ${t.cause}`) } : null;
  // Failed probes by the 5xx that came last before them: the likely trigger of a broken connection or state.
  const triggers = {};
  for (const f of run.probeFailures) {
    const k = f.last5xx ? `#${f.last5xx.n} ${f.last5xx.op} [${f.last5xx.cls}] ${f.last5xx.case}${f.last5xx.cause ? ` → ${f.last5xx.cause}` : ''}` : '(no 5xx before it)';
    (triggers[k] ||= []).push(`${f.probe}: ${f.status || f.error}${f.cause ? ` (${f.cause})` : ''}`);
  }
  return { brokenConnection, probeCauses, triggers, byClass, byOp, requestsByClass, causes: [...causes.values()].sort((a, b) => b.count - a.count), logEntries: entries.length, logged5xxTraces };
}

if (LOG_SUMMARY_MODE) {
  const file = process.argv[3];
  if (!file || !fs.existsSync(file)) console.log(`(no API log at ${file})`);
  else printLogSummary(parseApiLog(file));
  process.exit(0);
}

let ops = [];
let crashed = null;
try {
  ops = await main();
} catch (e) {
  crashed = String(e?.stack || e);
  console.error(`fuzzer stopped: ${crashed}`);
}
const a = analyse(ops);
const fuzzRequests = run.records.length;
const summary = {
  requests: fuzzRequests,
  serverErrors: run.serverErrors.length,
  serverErrorCauses: Object.fromEntries(Object.entries(a.byClass).filter(([, n]) => n > 0)),
  // Errors of a connection an earlier request broke are symptoms: counted apart, and not as causes of their own.
  connectionStateErrors: a.causes.filter((c) => c.connectionState).reduce((n, c) => n + c.count, 0),
  distinctCauses: a.causes.filter((c) => !c.connectionState).length,
  causes: Object.fromEntries(a.causes.map((c) => [`${c.cause.slice(0, 120)} @ ${shortFrame(c.keyAccountFrames[0] || c.topFrame)}`, c.count])),
  validProbes: run.probes,
  validProbeFailures: run.probeFailures.length,
  nonProblemErrors: run.nonProblemCount,
  leaks: run.leakCount,
  acceptedSuspicious: run.suspiciousCount,
  timeouts: run.timeouts.length,
  networkErrors: run.networkErrors.length,
  operations: ops.length,
  seed: SEED,
  plan: run.planDigest || null,
  seconds: Math.round((Date.now() - run.started) / 1000),
  ...(crashed ? { fuzzerCrashed: crashed.split('\n')[0].slice(0, 200) } : {}),
  ...(run.apiDown ? { apiDown: true } : {}),
};
const report = {
  summary,
  config: { base: BASE, seed: SEED, budget: BUDGET, probeEvery: PROBE_EVERY, timeoutMs: TIMEOUT_MS, concurrencyRounds: CONCURRENCY_ROUNDS, hugeCap: HUGE_CAP, forgedTokens: !!SIGNING_KEY },
  notes: ctx.notes,
  requestsByClass: a.requestsByClass,
  serverErrorsByClass: a.byClass,
  serverErrorsByOperation: a.byOp,
  causes: a.causes,
  apiLog: API_LOG ? { file: API_LOG, errorEntries: a.logEntries, serverErrorsJoinedToLog: a.logged5xxTraces } : null,
  brokenConnection: a.brokenConnection,
  probeFailuresByCause: a.probeCauses,
  probeFailureEpisodes: run.probeFailures.filter((f) => f.firstOfEpisode).length,
  probeFailuresByLast5xx: a.triggers,
  probeFailures: run.probeFailures,
  serverErrors: run.serverErrors,
  acceptedSuspicious: { count: run.suspiciousCount, byReason: run.suspiciousByReason, examples: run.suspicious },
  leaks: { count: run.leakCount, byKind: run.leakKinds, examples: run.leaks },
  nonProblemErrors: { count: run.nonProblemCount, byStatus: run.nonProblemByStatus, examples: run.nonProblem },
  methodNotAllowedWithoutAllow: { count: run.missingAllow.length, examples: [...new Set(run.missingAllow)].slice(0, 20) },
  timeouts: run.timeouts,
  networkErrors: run.networkErrors.slice(0, 50),
  fuzzerErrors: run.fuzzerErrors.slice(0, 50),
  roles: Object.fromEntries(Object.entries(ctx.allowed).map(([k, v]) => [k, { allowed: v, baselineStatus: ctx.baseline[k] }])),
  statusByCase: run.caseStats,
};
try {
  fs.mkdirSync(path.dirname(path.resolve(REPORT)), { recursive: true });
  fs.writeFileSync(REPORT, JSON.stringify(report, null, 1));
} catch (e) {
  console.error(`cannot write the report ${REPORT}: ${e.message}`);
}

console.log('\n== Results');
for (const n of ctx.notes) console.log(`   note: ${n}`);
console.log(`   requests ${fuzzRequests} (${Object.entries(a.requestsByClass).map(([k, v]) => `${k} ${v}`).join(', ')}), setup ${stats.setupRequests}, probes ${run.probes}`);
console.log(`   5xx ${run.serverErrors.length}: by class ${JSON.stringify(a.byClass)}`);
for (const [op, n] of Object.entries(a.byOp).sort((x, y) => y[1] - x[1])) console.log(`      ${String(n).padStart(4)}  ${op}`);
console.log(`   distinct causes (joined by trace id to the API log): ${a.causes.filter((c) => !c.connectionState).length}, plus ${a.causes.filter((c) => c.connectionState).length} kind(s) of broken-connection symptoms`);
a.causes.forEach((c, i) => {
  console.log(`   [${i + 1}] ${c.count}× ${c.cause}${c.connectionState ? '   ← a broken pooled connection (symptom of an earlier request)' : ''}`);
  console.log(`       top frame: ${c.topFrame || '-'}`);
  for (const f of c.keyAccountFrames.slice(0, 4)) console.log(`       in ${f.replace(/\(.*$/, '(…)')}`);
  console.log(`       operations: ${Object.entries(c.byOperation).map(([k, v]) => `${k} (${v})`).join(', ')}`);
  const ex = c.examples[0];
  if (ex) console.log(`       e.g. #${ex.n} ${ex.method} ${ex.path} as ${ex.role} [${ex.cls}] ${ex.case}: ${excerpt(ex.request.body, 160)}`);
});
if (a.brokenConnection) {
  console.log(`   first error of a broken pooled connection: ${a.brokenConnection.first}`);
  console.log(`     the 5xx just before it (the likely trigger is among them):`);
  for (const l of a.brokenConnection.serverErrorsJustBefore) console.log(`       ${l}`);
}
console.log(`   valid probes ${run.probes}, failed ${run.probeFailures.length}`);
for (const [k, n] of Object.entries(a.probeCauses).sort((x, y) => y[1] - x[1])) console.log(`      ${String(n).padStart(4)}× ${k}`);
const episodes = run.probeFailures.filter((f) => f.firstOfEpisode);
const firstByCause = new Map();
for (const f of episodes) {
  const k = (f.cause || `HTTP ${f.status}`).split(' @ ')[0].replace(/\d+/g, '#');
  if (!firstByCause.has(k) && ![...firstByCause.values()].some((x) => x.afterRequest === f.afterRequest)) firstByCause.set(k, f);
}
if (episodes.length) console.log(`   ${episodes.length} episode(s) of failing probes (failures after a passing probe set); the first of each kind:`);
for (const f of [...firstByCause.values()].slice(0, 8)) {
  console.log(`    - after request #${f.afterRequest}: ${f.probe} → ${f.status || f.error}${f.cause ? ` (${f.cause})` : ''}`);
  console.log(`      requests since the last passing probes (#${f.window.from}–#${f.window.to}, ${f.window.requests}): 5xx: ${f.serverErrorsInWindow.length ? '' : 'none'}`);
  for (const l of f.serverErrorsInWindow.slice(-5)) console.log(`        ${l}`);
  if (!f.connectionState && f.acceptedWritesInWindow.length) {
    console.log('      accepted writes in that window (a bad value stored is the other way to break later requests):');
    for (const l of f.acceptedWritesInWindow.slice(-8)) console.log(`        ${l}`);
  }
}
console.log(`   non-problem+json errors ${run.nonProblemCount} ${JSON.stringify(run.nonProblemByStatus)}; responses leaking internals ${run.leakCount} ${JSON.stringify(run.leakKinds)}; 405 without Allow ${run.missingAllow.length}`);
console.log(`   2xx on requests that should be refused: ${run.suspiciousCount}`);
for (const [r, n] of Object.entries(run.suspiciousByReason).sort((x, y) => y[1] - x[1])) console.log(`      ${String(n).padStart(4)}× ${r}`);
console.log(`   timeouts ${run.timeouts.length}, network errors ${run.networkErrors.length}, fuzzer errors ${run.fuzzerErrors.length}`);
console.log(`   report: ${path.resolve(REPORT)}`);
const line = JSON.stringify(summary);
if (SUMMARY) { try { fs.writeFileSync(SUMMARY, `${line}\n`); } catch { /* printed anyway */ } }
console.log(line);
process.exit(crashed || run.serverErrors.length || run.probeFailures.length || run.apiDown ? 1 : 0);
