using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Domain.ReferenceData;
using Mediator;

namespace KeyAccount.Application.ReferenceData.GetReferenceItem;

public sealed record GetReferenceItemQuery(ReferenceKind Kind, string Code) : IQuery<ReferenceItemDto>;

public sealed class GetReferenceItemHandler(IAppDbContext db) : IQueryHandler<GetReferenceItemQuery, ReferenceItemDto>
{
    public async ValueTask<ReferenceItemDto> Handle(GetReferenceItemQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReferenceItemDto.From(await db.LoadReferenceItemAsync(query.Kind, query.Code, null, cancellationToken).ConfigureAwait(false));
    }
}
