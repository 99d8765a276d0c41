using System.Security.Claims;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using KeyAccount.Domain.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KeyAccount.Infrastructure.Identity;

/// <summary>
/// Issues HMAC-SHA256 signed JWTs: a user's with their id (sub), email and role; an API client's with its id
/// (<c>client_id</c>, RFC 8693 §4.3), the granted <c>scope</c> and, when bound, the account manager it is limited to
/// — and no <c>sub</c> or <c>role</c>, so nothing can take a client for a user.
/// </summary>
internal sealed class JwtAccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(options.Value.KeyBytes()), SecurityAlgorithms.HmacSha256);

    public (string Token, DateTimeOffset ExpiresAt) Issue(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var expires = now.Add(options.Value.TokenLifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.Value.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(JwtRegisteredClaimNames.Name, user.DisplayName),
                new Claim("role", user.Role.ToString()),
                new Claim(UserSessions.StampClaim, user.SecurityStamp.ToString()),
            ]),
        });
        return (token, expires);
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(ApiClient client, IReadOnlyList<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = clock.GetUtcNow();
        var expires = now.Add(options.Value.ClientTokenLifetime);
        List<Claim> claims =
        [
            new(ClientClaims.ClientId, client.Id.Value.ToString()),
            new(ClientClaims.Scope, string.Join(' ', scopes)),
        ];
        if (client.AccountScopeUserId is { } bound)
        {
            claims.Add(new Claim(ClientClaims.AccountScopeUser, bound.Value.ToString()));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(claims),
        });
        return (token, expires);
    }
}

/// <summary>The claims of an API client's token.</summary>
public static class ClientClaims
{
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    /// <summary>The account manager a bound client is limited to.</summary>
    public const string AccountScopeUser = "account_scope_user";
}
