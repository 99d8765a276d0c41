using System.Globalization;
using System.Threading.RateLimiting;
using KeyAccount.Infrastructure.Identity;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Rate limits: sign-in and token attempts per client address (brute force), the public survey endpoints per client
/// address, requests per user, requests per API
/// client (its own budget or the default), and unauthenticated requests per client address.
/// </summary>
internal static class RateLimits
{
    public const string Login = "login";

    /// <summary>The public survey endpoints (a personal link, no sign-in): requests per client address, against token guessing and floods.</summary>
    public const string PublicSurveys = "public-surveys";

    public static IServiceCollection AddKeyAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perUser = configuration.GetValue("RateLimits:RequestsPerMinutePerUser", 1200);
        var perClient = configuration.GetValue("RateLimits:RequestsPerMinutePerClient", 600);
        var loginPerMinute = configuration.GetValue("RateLimits:LoginsPerMinutePerAddress", 30);
        var publicSurveysPerMinute = configuration.GetValue("RateLimits:PublicSurveyRequestsPerMinutePerAddress", 30);
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
            options.AddPolicy(PublicSurveys, http => RateLimitPartition.GetFixedWindowLimiter(
                "survey:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = publicSurveysPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Items.TryGetValue(typeof(ActiveClient), out var found) && found is ActiveClient client)
                {
                    // An API client has its own budget (set per client, else the default). The budget is part of the
                    // partition's key, so a changed budget takes effect with a fresh bucket.
                    var budget = client.RequestsPerMinute ?? perClient;
                    return RateLimitPartition.GetTokenBucketLimiter($"client:{client.Id}:{budget}", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = budget,
                        TokensPerPeriod = budget,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
                }

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
