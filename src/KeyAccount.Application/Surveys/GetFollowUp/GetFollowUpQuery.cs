using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.FollowUps;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.GetFollowUp;

/// <summary>One follow-up (a 404 when it does not exist or its account is not the caller's to see).</summary>
public sealed record GetFollowUpQuery(SurveyFollowUpId Id) : IQuery<SurveyFollowUpDto>;

public sealed class GetFollowUpHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetFollowUpQuery, SurveyFollowUpDto>
{
    public async ValueTask<SurveyFollowUpDto> Handle(GetFollowUpQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await FollowUpReading.ReadAsync(db, user, query.Id, cancellationToken).ConfigureAwait(false);
    }
}
