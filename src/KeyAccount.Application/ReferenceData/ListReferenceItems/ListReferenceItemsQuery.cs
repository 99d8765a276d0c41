using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ReferenceData.ListReferenceItems;

/// <param name="Kind">One list, or every list when null.</param>
/// <param name="IncludeInactive">Also the deactivated entries (to show the label of a value an account still has, and for the Admin's page).</param>
public sealed record ListReferenceItemsQuery(ReferenceKind? Kind, bool IncludeInactive) : IQuery<IReadOnlyList<ReferenceItemDto>>;

public sealed class ListReferenceItemsHandler(IAppDbContext db) : IQueryHandler<ListReferenceItemsQuery, IReadOnlyList<ReferenceItemDto>>
{
    public async ValueTask<IReadOnlyList<ReferenceItemDto>> Handle(ListReferenceItemsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = db.ReferenceItems.AsNoTracking();
        if (query.Kind is { } kind)
        {
            items = items.Where(r => r.Kind == kind);
        }

        if (!query.IncludeInactive)
        {
            items = items.Where(r => r.IsActive);
        }

        // A few hundred rows at most: read whole, ordered by list, position and code.
        var rows = await items.OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ReferenceItemDto.From)];
    }
}
