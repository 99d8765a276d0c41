using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// A failing request never leaves a pooled connection unusable, and never answers 500 after a commit. Once, a
/// complaint received in Beijing time failed inside Npgsql while it wrote the batch, and the pooled connection it left
/// behind answered other users' valid requests with "prepared statement … already exists" until a restart.
/// </summary>
public class ConnectionResilienceTests : ApiTestBase
{
    [Test]
    public async Task ValidRequests_InterleavedWithFailingOnes_OnThreeThreads_AllSucceed()
    {
        var account = await CreateAccountAsync("accountmanager", "POOL-1");
        using var director = await As("director");
        var accountETag = await ETagOf(director, $"/api/v1/accounts/{account}");
        var failures = new ConcurrentBag<string>();
        var valid = 0;
        (await As("serviceagent")).Dispose(); // sign both in once, before the threads share the token cache

        async Task Worker(int worker)
        {
            using var agent = await As("serviceagent");
            using var reader = await As("director");
            for (var i = 0; i < 12; i++)
            {
                // Failing requests of every kind the API refuses …
                var beijing = DateTimeOffset.UtcNow.AddHours(-2 - i).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                var bad = new Func<Task<HttpResponseMessage>>[]
                {
                    () => agent.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Phone", category = "Delivery", severity = "High", subject = "s", description = "d", receivedAt = "0001-01-01T00:00:00+08:00" }),
                    () => agent.PostAsync("/api/v1/complaints", new StringContent("{\"accountId\":\"" + account + "\",\"subject\":\"a\\u0000b\"}", Encoding.UTF8, "application/json")),
                    () => agent.PostAsync("/api/v1/complaints", new StringContent("{\"accountId\":", Encoding.UTF8, "application/json")),
                    () => reader.GetAsync("/api/v1/complaints?status=3"),
                    () => SendAsync(reader, HttpMethod.Put, $"/api/v1/accounts/{account}", NewAccount("POOL-1"), "\"1\""),
                    () => reader.PostAsJsonAsync("/api/v1/accounts", NewAccount("POOL-1")),
                };
                var badResponse = await bad[(worker + i) % bad.Length]();
                if ((int)badResponse.StatusCode >= 500)
                {
                    failures.Add($"a refused request answered {(int)badResponse.StatusCode}: {await badResponse.Content.ReadAsStringAsync()}");
                }

                // … interleaved with valid ones from other users, Beijing time included.
                var responses = new[]
                {
                    await agent.PostAsJsonAsync("/api/v1/complaints", new { accountId = account, channel = "Email", category = "Billing", severity = "Low", subject = $"线程 {worker} 第 {i} 次", description = "d", receivedAt = beijing }),
                    await reader.GetAsync($"/api/v1/accounts/{account}"),
                    await reader.GetAsync("/api/v1/complaints?openOnly=true"),
                    await reader.GetAsync("/api/v1/accounts?sort=name&pageSize=5"),
                };
                foreach (var response in responses)
                {
                    Interlocked.Increment(ref valid);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(w => Task.Run(() => Worker(w))));

        Assert.That(failures, Is.Empty, $"{failures.Count} of {valid} valid requests failed");
        Assert.That(valid, Is.EqualTo(3 * 12 * 4));
        Assert.That(await ETagOf(director, $"/api/v1/accounts/{account}"), Is.EqualTo(accountETag), "no refused change was written");
    }

    /// <summary>
    /// The mechanism, below the API. Npgsql auto-prepares a statement on its second use and, with every slot taken,
    /// evicts the least recently used one; a command that then fails inside the driver while it writes (a parameter it
    /// refuses: an instant at +08:00 that bypasses the model's UTC conversion) leaves the connection's bookkeeping out
    /// of step with the server, and the failed command cached on the connection object that a pooled context keeps.
    /// Neither may be used again: the commands after it all work.
    /// </summary>
    [Test]
    public async Task ADriverFailureWhilePreparing_DoesNotPoisonThePool()
    {
        await CreateAccountAsync("accountmanager", "POOL-2");
        var utc = new NpgsqlParameter("at", DateTimeOffset.UtcNow);
        var beijing = new NpgsqlParameter("at", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        await using (var scope = ApiFixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();

            // Every auto-prepare slot of this connection taken (the pool prepares up to 64 statements per connection) …
            for (var i = 0; i < 70; i++)
            {
                for (var use = 0; use < 2; use++)
                {
                    await db.Database.ExecuteSqlRawAsync(Distinct("SELECT {0} WHERE @at > now() - interval '1 day'", i), utc.Clone());
                }
            }

            // … then a new statement on its second use (to be prepared, evicting another) fails while it is written.
            const string Sql = "SELECT count(*) FROM accounts WHERE created_at < @at";
            await db.Database.ExecuteSqlRawAsync(Sql, utc.Clone());
            Assert.That(async () => await db.Database.ExecuteSqlRawAsync(Sql, beijing.Clone()), Throws.InstanceOf<ArgumentException>());
        }

        for (var i = 0; i < 30; i++)
        {
            await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var use = 0; use < 2; use++)
            {
                await db.Database.ExecuteSqlRawAsync(Distinct("SELECT 'after {0}' WHERE @at > now() - interval '1 day'", i), utc.Clone());
            }

            var count = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM accounts WHERE registration_number = {0}", "POOL-2").SingleAsync();
            Assert.That(count, Is.EqualTo(1));
        }
    }

    /// <summary>A statement text of its own per number (the driver prepares by text); only digits are spliced in.</summary>
    private static string Distinct(string sql, int number) => string.Format(CultureInfo.InvariantCulture, sql, number);
}
