// deploy/bench.sh faults: the load generator. Authenticated GETs with keep-alive connections (node:http, one agent
// per target), from a few concurrent workers, at a paced total rate, for a given time; one line per request on stdout
// (tab-separated): start ms (epoch), end ms, target index, HTTP status (0: no answer), latency ms, error code.
//   node faults-load.mjs --targets URL[,URL…] --tokens FILE --seconds S [--rate R] [--workers W] [--path P]
//                        [--timeout MS] [--stop-at-429]
// Targets and tokens are used round robin, request by request (a token per user: each user's rate limit is the
// caller's to respect, --rate is the total). --stop-at-429 ends the run at the first 429 (the rate-limit scenario);
// --rate 0 is unpaced.
import http from "node:http";
import fs from "node:fs";

const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (!a.startsWith("--")) throw new Error(`unexpected argument ${a}`);
  const name = a.slice(2);
  if (name === "stop-at-429") args[name] = true;
  else args[name] = process.argv[++i];
}
const targets = (args.targets ?? "").split(",").filter(Boolean).map((u) => new URL(u));
const tokens = fs.readFileSync(args.tokens, "utf8").split("\n").map((t) => t.trim()).filter(Boolean);
const seconds = Number(args.seconds ?? 10);
const rate = Number(args.rate ?? 50);
const workers = Number(args.workers ?? 6);
const path = args.path ?? "/api/v1/accounts?pageSize=5";
const timeout = Number(args.timeout ?? 10000);
const stopAt429 = Boolean(args["stop-at-429"]);
if (targets.length === 0 || tokens.length === 0) throw new Error("--targets and --tokens are required");

const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: workers }));
const t0 = Date.now();
const end = t0 + seconds * 1000;
let sent = 0;
let stop = false;
const lines = [];

function once(k) {
  const target = targets[k % targets.length];
  const token = tokens[k % tokens.length];
  return new Promise((resolve) => {
    const start = Date.now();
    let done = false;
    const finish = (status, error) => {
      if (done) return;
      done = true;
      const stop_ = Date.now();
      resolve({ start, end: stop_, target: k % targets.length, status, error });
    };
    const req = http.request(
      { host: target.hostname, port: target.port, path, method: "GET", agent: agents[k % targets.length],
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => finish(res.statusCode, ""));
        res.on("error", (e) => finish(0, e.code ?? "EBODY"));
      });
    req.setTimeout(timeout, () => { req.destroy(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })); });
    req.on("error", (e) => finish(0, e.code ?? "EREQ"));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function worker() {
  while (!stop) {
    const k = sent++;
    if (rate > 0) {
      const due = t0 + (k * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
    if (stop || Date.now() >= end) break;
    const r = await once(k);
    lines.push(`${r.start}\t${r.end}\t${r.target}\t${r.status}\t${r.end - r.start}\t${r.error}`);
    if (stopAt429 && r.status === 429) stop = true;
  }
}

await Promise.all(Array.from({ length: workers }, worker));
for (const a of agents) a.destroy();
process.stdout.write(lines.join("\n") + (lines.length ? "\n" : ""));
