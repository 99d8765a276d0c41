using System.Globalization;
using System.Threading.RateLimiting;
using KeyAccount.Api.Infrastructure.RateLimiting;
using KeyAccount.Infrastructure.Identity;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Rate limits: sign-in and token attempts per client address (brute force), the public survey endpoints per client
/// address, requests per user, requests per API
/// client (its own budget or the default), and unauthenticated requests per client address. Each is a one-minute
/// window counted in Redis when one is configured (shared by every replica), else in the process
/// (<see cref="RateLimitWindows"/>); a 429 says in <c>Retry-After</c> when the window ends.
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
        services.AddSingleton<RateLimitWindows>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (RetryAfterSeconds(context.Lease) is { } seconds)
                {
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await ProblemWriter.WriteAsync(context.HttpContext, 429, Application.Common.Errors.ProblemCodes.RateLimited, "Slow down and retry after the time in the Retry-After header.").ConfigureAwait(false);
            };
            options.AddPolicy(Login, http => Windows(http).PerMinute("login:" + Address(http), loginPerMinute));
            options.AddPolicy(PublicSurveys, http => Windows(http).PerMinute("survey:" + Address(http), publicSurveysPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Items.TryGetValue(typeof(ActiveClient), out var found) && found is ActiveClient client)
                {
                    // An API client has its own budget (set per client, else the default).
                    return Windows(http).PerMinute($"client:{client.Id}", client.RequestsPerMinute ?? perClient);
                }

                var user = http.User.FindFirst(AuthSetup.SubjectClaim)?.Value;
                return user is null
                    // Unauthenticated requests (sign-in pages, health probes, probing) are limited per client address.
                    ? Windows(http).PerMinute("anonymous:" + Address(http), anonymousPerMinute)
                    : Windows(http).PerMinute("user:" + user, perUser);
            });
        });
        return services;
    }

    /// <summary>
    /// The true wait in whole seconds, rounded up (at least 1): the local window reports it as a <see cref="TimeSpan"/>,
    /// the Redis window as seconds until its window ends.
    /// </summary>
    internal static int? RetryAfterSeconds(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }

        return lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? Math.Max(1, seconds) : null;
    }

    private static RateLimitWindows Windows(HttpContext http) => http.RequestServices.GetRequiredService<RateLimitWindows>();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
