using System.Text.Json;
using KeyAccount.Api.Infrastructure.RateLimiting;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers a statement within three
/// seconds (503 otherwise: a load balancer takes the replica out) and, where rate limits are shared, whether Redis
/// answers — Degraded, not Unhealthy, when it does not (the replica still serves, counting its own requests). Both
/// answer a small JSON document naming each check, so an operator sees which part is down.
/// </summary>
internal static class HealthChecks
{
    private const string Ready = "ready";

    public static IServiceCollection AddKeyAccountHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready], customTestQuery: async (db, cancellationToken) =>
            {
                // A statement, not only an open: a pooled connection opens without asking the server.
                await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken).ConfigureAwait(false);
                return true;
            })
            .AddCheck<RateLimitStoreCheck>("rate-limit-store", tags: [Ready], timeout: TimeSpan.FromSeconds(2));
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var registration in o.Registrations)
            {
                registration.Timeout = registration.Timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(3) : registration.Timeout;
            }
        });
        return services;
    }

    public static void MapKeyAccountHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"database":{"status":"Unhealthy","description":"…","durationMs":3}}}</c>.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new CheckResult(e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.GetType().Name, (long)e.Value.Duration.TotalMilliseconds));
        return JsonSerializer.SerializeAsync(http.Response.Body, new Report(report.Status.ToString(), checks), HealthJson, http.RequestAborted);
    }

    private static readonly JsonSerializerOptions HealthJson = new(JsonSerializerDefaults.Web);

    private sealed record Report(string Status, IReadOnlyDictionary<string, CheckResult> Checks);

    private sealed record CheckResult(string Status, string? Description, long DurationMs);

    private sealed class RateLimitStoreCheck(RateLimitWindows windows) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var (shared, failure) = await windows.PingAsync().ConfigureAwait(false);
            return !shared ? HealthCheckResult.Healthy("Counted in this process (no Redis configured).")
                : failure is null ? HealthCheckResult.Healthy("Redis answers: rate limits are shared by the replicas.")
                : HealthCheckResult.Degraded("Redis does not answer: this replica counts its own requests until it is back.", failure);
        }
    }
}
