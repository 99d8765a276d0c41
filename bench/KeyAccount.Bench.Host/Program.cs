using KeyAccount.Api;
using KeyAccount.Bench.Host;

// The API exactly as it runs in production, plus the benchmarks' endpoints (anonymous, under /bench).
var app = await KeyAccountApp.BuildAsync(args, BenchEndpoints.Map);
await app.RunAsync();
