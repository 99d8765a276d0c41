using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Auth.IssueClientToken;

/// <summary>
/// The OAuth 2.0 client credentials grant (RFC 6749 §4.4) once the HTTP edge has read the client's credentials and
/// the requested scope: checks them and issues an access token, or says which §5.2 error it is. Not validated by the
/// pipeline (whose answer would be a problem document, not the JSON §5.2 prescribes).
/// </summary>
/// <param name="ClientId">The client_id as sent.</param>
/// <param name="ClientSecret">The client_secret as sent.</param>
/// <param name="Scope">The requested scope (space-separated), or null for every scope of the client.</param>
public sealed record IssueClientTokenCommand(string ClientId, string ClientSecret, string? Scope) : ICommand<ClientTokenResult>;

/// <summary>A successful token response (RFC 6749 §5.1) — no refresh token: the client simply asks again.</summary>
/// <param name="AccessToken">The bearer token.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
/// <param name="Scope">The scopes granted, space-separated.</param>
public sealed record ClientToken(string AccessToken, int ExpiresIn, string Scope);

/// <summary>Why a token is refused; the HTTP edge writes each as its RFC 6749 §5.2 error code.</summary>
public enum ClientTokenRefusal
{
    /// <summary>Unknown client, wrong secret, revoked or expired (one answer for all).</summary>
    InvalidClient,

    /// <summary>A requested scope is not the client's.</summary>
    InvalidScope,
}

/// <summary>The grant's answer: a token, or why not with a description.</summary>
public sealed record ClientTokenResult(ClientToken? Token, ClientTokenRefusal? Refusal, string? Description)
{
    public static ClientTokenResult Refused(ClientTokenRefusal refusal, string description) => new(null, refusal, description);
}

public sealed class IssueClientTokenHandler(IAppDbContext db, IAccessTokenIssuer tokens, TimeProvider clock) : ICommandHandler<IssueClientTokenCommand, ClientTokenResult>
{
    public async ValueTask<ClientTokenResult> Handle(IssueClientTokenCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();

        // One answer for an unknown client, a wrong secret, a revoked or an expired client: telling them apart would
        // let a caller probe which client ids exist. The description only says what to check.
        var refused = ClientTokenResult.Refused(ClientTokenRefusal.InvalidClient, "Client authentication failed (unknown client, wrong secret, or the client is revoked or expired).");
        if (!Guid.TryParse(command.ClientId, out var id))
        {
            return refused;
        }

        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new ApiClientId(id), cancellationToken).ConfigureAwait(false);
        if (client is null || !client.SecretMatches(command.ClientSecret, now) || client.StateAt(now) != ApiClientState.Active)
        {
            return refused;
        }

        // §3.3: the scope is a space-delimited list; absent (or empty) means every scope the client holds.
        var requested = (command.Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var beyond = requested.Where(s => !client.Scopes.Contains(s, StringComparer.Ordinal)).ToList();
        if (beyond.Count > 0)
        {
            return ClientTokenResult.Refused(ClientTokenRefusal.InvalidScope, $"Not granted to this client: {string.Join(' ', beyond)}.");
        }

        var granted = requested.Count > 0 ? [.. requested.Order(StringComparer.Ordinal)] : client.Scopes;
        var (token, expiresAt) = tokens.Issue(client, granted);

        // A plain column write, not a versioned save of the client: two token requests at once must not fail each
        // other with a concurrency conflict over a timestamp.
        await db.ApiClients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        return new ClientTokenResult(new ClientToken(token, (int)Math.Round((expiresAt - now).TotalSeconds), string.Join(' ', granted)), null, null);
    }
}
