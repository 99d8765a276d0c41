using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace KeyAccount.Api.Infrastructure;

/// <summary>Bearer-token authentication and one authorization policy per permission.</summary>
internal static class AuthSetup
{
    public const string SubjectClaim = "sub";
    public const string RoleClaim = "role";
    public const string ScopeClaim = "scope";

    /// <summary>The refusal of an API client whose token lacks the operation's permission.</summary>
    public const string ClientScopeRefusal = "Your API client's token does not hold this operation's permission as a scope.";

    public static IServiceCollection AddKeyAccountAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    NameClaimType = SubjectClaim,
                    RoleClaimType = RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrWhiteSpace(jwt.Authority))
                {
                    // An external OpenID Connect provider: keys come from its discovery document.
                    options.Authority = jwt.Authority;
                }
                else
                {
                    options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(jwt.KeyBytes());

                    // RFC 8725 §3.1: accept only the algorithm we sign with (never "none", never another family).
                    options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }

                options.Events = new JwtBearerEvents
                {
                    // Our own tokens end with their session; an external provider's tokens are that provider's to revoke.
                    OnTokenValidated = string.IsNullOrWhiteSpace(jwt.Authority) ? ValidateSessionAsync : _ => Task.CompletedTask,
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var (code, detail) = context.AuthenticateFailure switch
                        {
                            SecurityTokenExpiredException => (ProblemCodes.TokenExpired, "Your session has expired. Sign in again."),
                            SessionEndedException => (ProblemCodes.SessionEnded, "Your session has ended (the user was deactivated, locked or changed password). Sign in again."),
                            ClientInactiveException => (ProblemCodes.SessionEnded, "The API client was revoked, has expired or lost a scope of this token; get a new token (or ask the Admin)."),
                            _ => (ProblemCodes.AuthenticationRequired, "Send a bearer token from POST /api/v1/auth/login in the Authorization header."),
                        };
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = code == ProblemCodes.AuthenticationRequired
                            ? "Bearer"
                            : $"Bearer error=\"invalid_token\", error_description=\"{detail}\"";
                        await ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, detail).ConfigureAwait(false);
                    },
                    OnForbidden = context => ProblemWriter.WriteAsync(
                        context.HttpContext,
                        StatusCodes.Status403Forbidden,
                        ProblemCodes.Forbidden,
                        context.HttpContext.User.FindFirst(ClientClaims.ClientId) is null ? "Your role does not allow this." : ClientScopeRefusal),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        return services;
    }

    /// <summary>
    /// A token of ours is honoured only while its user may still sign in (active, not locked out) and its security
    /// stamp is the user's: a deactivated or locked user's tokens stop at their next request.
    /// </summary>
    private static async Task ValidateSessionAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirst(ClientClaims.ClientId) is { } clientClaim)
        {
            // An API client's token lives while its client is active and still holds the token's scopes: revoked,
            // expired or narrowed, it stops at its next request.
            var clients = context.HttpContext.RequestServices.GetRequiredService<ClientSessions>();
            var scopes = principal.FindFirst(ScopeClaim)?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var active = Guid.TryParse(clientClaim.Value, out var client)
                ? await clients.AcceptsAsync(new Domain.ApiClients.ApiClientId(client), scopes, context.HttpContext.RequestAborted).ConfigureAwait(false)
                : null;
            if (active is null)
            {
                context.Fail(new ClientInactiveException());
            }
            else
            {
                context.HttpContext.Items[typeof(ActiveClient)] = active;
            }

            return;
        }

        var stampText = principal?.FindFirst(UserSessions.StampClaim)?.Value;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!Guid.TryParse(principal?.FindFirst(SubjectClaim)?.Value, out var user) || !Guid.TryParse(stampText, out var stamp)
            || !await sessions.AcceptsAsync(new UserId(user), stamp, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.Fail(new SessionEndedException());
        }
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Grants(context.User, permission)));
        }

        return builder;
    }

    /// <summary>What a principal may do: its role's permissions, or (an API client, whose token has no role) its scopes.</summary>
    public static bool Grants(System.Security.Claims.ClaimsPrincipal principal, string permission)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return (Enum.TryParse<Role>(principal.FindFirst(RoleClaim)?.Value, out var role) && Permissions.Grants(role, permission))
            || (principal.FindFirst(ScopeClaim)?.Value.Split(' ').Contains(permission, StringComparer.Ordinal) ?? false);
    }
}

/// <summary>The token was genuine but its session has ended.</summary>
internal sealed class SessionEndedException() : Exception("The session has ended.");

/// <summary>The token was an API client's, genuine, but the client is revoked or expired.</summary>
internal sealed class ClientInactiveException() : Exception("The API client is no longer active.");
