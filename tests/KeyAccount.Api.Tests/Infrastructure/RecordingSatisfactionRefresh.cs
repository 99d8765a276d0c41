using System.Collections.Concurrent;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>Stands in for the results' <see cref="ISatisfactionRefresh"/> (not on this branch): records each call.</summary>
public sealed class RecordingSatisfactionRefresh : ISatisfactionRefresh
{
    public static RecordingSatisfactionRefresh Instance { get; } = new();

    public ConcurrentQueue<(AccountId Account, SurveyCampaignId Campaign)> Calls { get; } = new();

    public Task RefreshAsync(AccountId account, SurveyCampaignId campaign, CancellationToken cancellationToken)
    {
        Calls.Enqueue((account, campaign));
        return Task.CompletedTask;
    }
}
