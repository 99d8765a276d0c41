using System.Globalization;
using System.Threading.RateLimiting;

namespace KeyAccount.Api.Infrastructure;

/// <summary>Rate limits: sign-in attempts per client address (brute force), requests per user, and unauthenticated requests per client address.</summary>
internal static class RateLimits
{
    public const string Login = "login";

    public static IServiceCollection AddKeyAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perUser = configuration.GetValue("RateLimits:RequestsPerMinutePerUser", 1200);
        var loginPerMinute = configuration.GetValue("RateLimits:LoginsPerMinutePerAddress", 30);
        var anonymousPerMinute = configuration.GetValue("RateLimits:AnonymousRequestsPerMinutePerAddress", 300);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await ProblemWriter.WriteAsync(context.HttpContext, 429, Application.Common.Errors.ProblemCodes.RateLimited, "Slow down and retry after the time in the Retry-After header.").ConfigureAwait(false);
            };
            options.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var user = http.User.FindFirst(AuthSetup.SubjectClaim)?.Value;
                return user is null
                    ? RateLimitPartition.GetTokenBucketLimiter("anonymous:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new TokenBucketRateLimiterOptions
                    {
                        // Unauthenticated requests (sign-in pages, health probes, probing) are limited per client address.
                        TokenLimit = anonymousPerMinute,
                        TokensPerPeriod = anonymousPerMinute,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perUser,
                        TokensPerPeriod = perUser,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
