using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Tiering.Common;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.GetPolicy;

/// <summary>One policy version.</summary>
public sealed record GetPolicyQuery(TierPolicyId Id) : IQuery<TierPolicyDto>;

public sealed class GetPolicyHandler(IAppDbContext db) : IQueryHandler<GetPolicyQuery, TierPolicyDto>
{
    public async ValueTask<TierPolicyDto> Handle(GetPolicyQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var policy = await db.TierPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Tier policy", query.Id.Value);
        return TierPolicyDto.From(policy);
    }
}
