using KeyAccount.Application.ApiClients.Common;
using KeyAccount.Application.Common.Abstractions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ApiClients.ListApiClients;

/// <summary>Every API client, newest first (an installation has a handful, so no paging).</summary>
public sealed record ListApiClientsQuery : IQuery<IReadOnlyList<ApiClientDto>>;

public sealed class ListApiClientsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListApiClientsQuery, IReadOnlyList<ApiClientDto>>
{
    public async ValueTask<IReadOnlyList<ApiClientDto>> Handle(ListApiClientsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clients = await db.ApiClients.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. clients.Select(c => ApiClientDto.From(c, now))];
    }
}
