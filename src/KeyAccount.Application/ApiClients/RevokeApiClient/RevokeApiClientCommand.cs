using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using Mediator;

namespace KeyAccount.Application.ApiClients.RevokeApiClient;

/// <summary>Stops a client for good: no more tokens, and the tokens it holds stop at their next request.</summary>
public sealed record RevokeApiClientCommand(ApiClientId Id) : ICommand<ApiClientDto>;

public sealed class RevokeApiClientHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<RevokeApiClientCommand, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(RevokeApiClientCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var client = await db.LoadApiClientAsync(command.Id, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        client.Revoke(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ApiClientDto.From(client, now);
    }
}
