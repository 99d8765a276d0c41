using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Surveys.Responses;
using KeyAccount.Domain.Surveys;
using Mediator;

namespace KeyAccount.Application.Surveys.GetResponse;

/// <summary>One response (a 404 when it does not exist or its account is not the caller's to see).</summary>
public sealed record GetResponseQuery(SurveyResponseId Id) : IQuery<SurveyResponseDto>;

public sealed class GetResponseHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetResponseQuery, SurveyResponseDto>
{
    public async ValueTask<SurveyResponseDto> Handle(GetResponseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await ResponseReading.ReadAsync(db, user, query.Id, cancellationToken).ConfigureAwait(false);
    }
}
