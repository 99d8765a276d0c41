using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using Mediator;

namespace KeyAccount.Application.Complaints.GetSlaPolicy;

public sealed record GetSlaPolicyQuery : IQuery<SlaPolicyDto>;

public sealed class GetSlaPolicyHandler(IAppDbContext db) : IQueryHandler<GetSlaPolicyQuery, SlaPolicyDto>
{
    public async ValueTask<SlaPolicyDto> Handle(GetSlaPolicyQuery query, CancellationToken cancellationToken)
    {
        var (policy, programme) = await SlaPolicies.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        return SlaPolicies.ToDto(policy, programme);
    }
}
