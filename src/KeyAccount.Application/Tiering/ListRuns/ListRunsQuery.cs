using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.ListRuns;

/// <summary>The latest runs (at most 100), newest first.</summary>
public sealed record ListRunsQuery : IQuery<IReadOnlyList<TieringRunDto>>;

public sealed class ListRunsHandler(IAppDbContext db) : IQueryHandler<ListRunsQuery, IReadOnlyList<TieringRunDto>>
{
    public async ValueTask<IReadOnlyList<TieringRunDto>> Handle(ListRunsQuery query, CancellationToken cancellationToken)
    {
        var runs = await db.TieringRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. runs.Select(TieringRunDto.From)];
    }
}
