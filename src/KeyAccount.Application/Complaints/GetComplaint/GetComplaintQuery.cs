using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.GetComplaint;

/// <summary>One complaint with its SLA clocks and timeline.</summary>
public sealed record GetComplaintQuery(ComplaintId Id) : IQuery<ComplaintDto>;

public sealed class GetComplaintHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetComplaintQuery, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(GetComplaintQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var complaint = await db.LoadComplaintAsync(query.Id, user, null, cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(complaint, cancellationToken).ConfigureAwait(false);
    }
}
