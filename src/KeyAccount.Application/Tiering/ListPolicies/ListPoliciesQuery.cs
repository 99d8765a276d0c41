using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.ListPolicies;

/// <summary>Every policy version, newest first.</summary>
public sealed record ListPoliciesQuery : IQuery<IReadOnlyList<TierPolicyDto>>;

public sealed class ListPoliciesHandler(IAppDbContext db) : IQueryHandler<ListPoliciesQuery, IReadOnlyList<TierPolicyDto>>
{
    public async ValueTask<IReadOnlyList<TierPolicyDto>> Handle(ListPoliciesQuery query, CancellationToken cancellationToken)
    {
        var policies = await db.TierPolicies.AsNoTracking().OrderByDescending(p => p.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. policies.Select(TierPolicyDto.From)];
    }
}
