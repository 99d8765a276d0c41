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
                }

                options.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var expired = context.AuthenticateFailure is SecurityTokenExpiredException;
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = expired ? "Bearer error=\"invalid_token\", error_description=\"The token expired\"" : "Bearer";
                        await ProblemWriter.WriteAsync(
                            context.HttpContext,
                            StatusCodes.Status401Unauthorized,
                            expired ? ProblemCodes.TokenExpired : ProblemCodes.AuthenticationRequired,
                            expired ? "Your session has expired. Sign in again." : "Send a bearer token from POST /api/v1/auth/login in the Authorization header.").ConfigureAwait(false);
                    },
                    OnForbidden = context => ProblemWriter.WriteAsync(
                        context.HttpContext,
                        StatusCodes.Status403Forbidden,
                        ProblemCodes.Forbidden,
                        "Your role does not allow this."),
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        return services;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.All)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                (Enum.TryParse<Role>(context.User.FindFirst(RoleClaim)?.Value, out var role) && Permissions.Grants(role, permission))
                || (context.User.FindFirst(ScopeClaim)?.Value.Split(' ').Contains(permission, StringComparer.Ordinal) ?? false)));
        }

        return builder;
    }
}
