using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.GetRun;

/// <summary>One tiering run.</summary>
public sealed record GetRunQuery(TieringRunId Id) : IQuery<TieringRunDto>;

public sealed class GetRunHandler(IAppDbContext db) : IQueryHandler<GetRunQuery, TieringRunDto>
{
    public async ValueTask<TieringRunDto> Handle(GetRunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var run = await db.TieringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Tiering run", query.Id.Value);
        return TieringRunDto.From(run);
    }
}
