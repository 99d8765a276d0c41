// A webhook receiver for deploy/bench.sh webhooks: answers every POST with 204 and records, per call, the
// webhook-id and the instant it arrived (ms since the epoch). GET /stats returns what it has seen.
// Usage: node webhook-receiver.mjs <port>
import http from "node:http";

const port = Number(process.argv[2]);
const arrivals = [];
const ids = new Set();
let duplicates = 0;
const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ calls: arrivals.length, unique: ids.size, duplicates, arrivals }));
    return;
  }
  const at = performance.timeOrigin + performance.now();
  req.resume();
  req.on("end", () => {
    const id = req.headers["webhook-id"];
    if (ids.has(id)) duplicates++;
    else ids.add(id);
    arrivals.push(at);
    res.writeHead(204);
    res.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1");
