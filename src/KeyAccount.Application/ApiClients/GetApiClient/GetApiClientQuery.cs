using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.ApiClients;
using Mediator;

namespace KeyAccount.Application.ApiClients.GetApiClient;

public sealed record GetApiClientQuery(ApiClientId Id) : IQuery<ApiClientDto>;

public sealed class GetApiClientHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetApiClientQuery, ApiClientDto>
{
    public async ValueTask<ApiClientDto> Handle(GetApiClientQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ApiClientDto.From(await db.LoadApiClientAsync(query.Id, expectedVersion: null, cancellationToken).ConfigureAwait(false), clock.GetUtcNow());
    }
}
