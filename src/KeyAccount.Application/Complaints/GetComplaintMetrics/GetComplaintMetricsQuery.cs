using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using Mediator;

namespace KeyAccount.Application.Complaints.GetComplaintMetrics;

/// <summary>SLA figures of one group of complaints (all, one tier, one category or one department).</summary>
/// <param name="Key" example="all">The group: "all", a tier, a category, or a department ("Unassigned" before assignment).</param>
/// <param name="Complaints">Complaints received in the period.</param>
/// <param name="FirstResponseCompliance">Percent of the complaints whose first-response clock has an outcome (answered, or breached) that were answered without a breach; null when none.</param>
/// <param name="ResolutionCompliance">Percent of the complaints whose resolution clock has an outcome (resolved or closed, or breached) that were resolved without a breach; null when none.</param>
/// <param name="FirstResponseBreaches">Complaints whose first-response target was breached.</param>
/// <param name="ResolutionBreaches">Complaints whose resolution target was breached.</param>
/// <param name="AtRisk">Complaints whose SLA state is AtRisk now (the state the queue and the detail show).</param>
/// <param name="Breached">Complaints whose SLA state is Breached (either target breached).</param>
/// <param name="MedianFirstResponseHours">Median hours from receipt to first response (wall clock).</param>
/// <param name="P90FirstResponseHours">90th percentile of the same.</param>
/// <param name="MedianResolutionHours">Median hours from receipt to resolution (wall clock).</param>
/// <param name="P90ResolutionHours">90th percentile of the same.</param>
public sealed record SlaFiguresDto(
    string Key,
    int Complaints,
    decimal? FirstResponseCompliance,
    decimal? ResolutionCompliance,
    int FirstResponseBreaches,
    int ResolutionBreaches,
    int AtRisk,
    int Breached,
    decimal? MedianFirstResponseHours,
    decimal? P90FirstResponseHours,
    decimal? MedianResolutionHours,
    decimal? P90ResolutionHours);

/// <summary>A bar of the root-cause Pareto.</summary>
/// <param name="RootCause">The root-cause category.</param>
/// <param name="Complaints">Resolved complaints of the period with this root cause.</param>
/// <param name="Share">Their share of the resolved complaints with a root cause, percent.</param>
/// <param name="CumulativeShare">This bar's share plus those of the bars before it (most frequent first), percent.</param>
public sealed record RootCauseShareDto(RootCause RootCause, int Complaints, decimal Share, decimal CumulativeShare);

/// <summary>The same root cause, 3 or more times in 180 days on one account: flagged for corrective action.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="RootCause">The recurring root cause.</param>
/// <param name="Complaints">Complaints with that root cause received in the 180 days before the period's end.</param>
/// <param name="LastReceivedAt">When the latest of them was received (UTC).</param>
public sealed record RecurringRootCauseDto(AccountId AccountId, string AccountName, RootCause RootCause, int Complaints, DateTimeOffset LastReceivedAt);

/// <summary>Complaint metrics of a period.</summary>
/// <param name="From">Start of the period (UTC, inclusive): complaints received from here.</param>
/// <param name="To">End of the period (UTC, exclusive).</param>
/// <param name="Overall">Figures of all complaints of the period.</param>
/// <param name="ByTier">Figures per tier at intake.</param>
/// <param name="ByCategory">Figures per category.</param>
/// <param name="ByDepartment">Figures per assigned department ("Unassigned" before assignment).</param>
/// <param name="RootCauses">The root-cause Pareto of the period's resolved complaints, most frequent first.</param>
/// <param name="Recurring">Accounts where the same root cause recurred 3 or more times in the 180 days before the period's end.</param>
public sealed record ComplaintMetricsDto(
    DateTimeOffset From,
    DateTimeOffset To,
    SlaFiguresDto Overall,
    IReadOnlyList<SlaFiguresDto> ByTier,
    IReadOnlyList<SlaFiguresDto> ByCategory,
    IReadOnlyList<SlaFiguresDto> ByDepartment,
    IReadOnlyList<RootCauseShareDto> RootCauses,
    IReadOnlyList<RecurringRootCauseDto> Recurring);

/// <summary>Metrics of complaints received from <paramref name="From"/> (default 90 days ago) until <paramref name="To"/> (default now).</summary>
public sealed record GetComplaintMetricsQuery(DateTimeOffset? From, DateTimeOffset? To) : IQuery<ComplaintMetricsDto>;

public sealed class GetComplaintMetricsValidator : AbstractValidator<GetComplaintMetricsQuery>
{
    public GetComplaintMetricsValidator() =>
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithErrorCode(FieldErrorCodes.NotAfter).WithMessage("to must be after from.")
            .WithState(_ => new Dictionary<string, object?> { ["other"] = "from" });
}

public sealed class GetComplaintMetricsHandler(IComplaintMetricsReader reader, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetComplaintMetricsQuery, ComplaintMetricsDto>
{
    /// <summary>Design §1.5: the same root cause 3 times in 180 days on an account is flagged.</summary>
    public const int RecurringThreshold = 3;

    public static readonly TimeSpan RecurringWindow = TimeSpan.FromDays(180);

    /// <summary>The period when none is asked: the 90 days before now.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(90);

    /// <summary>One group's figures as clients read them (compliance, percentiles rounded to one decimal); the dashboard maps here too.</summary>
    public static SlaFiguresDto Figures(ComplaintFiguresRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Key, r.Complaints, Round(r.FirstResponseCompliance), Round(r.ResolutionCompliance),
            r.FirstResponseBreaches, r.ResolutionBreaches, r.AtRisk, r.Breached, Round(r.MedianFirstResponseHours), Round(r.P90FirstResponseHours), Round(r.MedianResolutionHours), Round(r.P90ResolutionHours));
    }

    /// <summary>The figures of every complaint of the rows ("all"), zeros when there was none.</summary>
    public static SlaFiguresDto Overall(ComplaintMetricsRows raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Figures.Where(f => f.Dimension == "all").Select(Figures).FirstOrDefault() ?? new SlaFiguresDto("all", 0, null, null, 0, 0, 0, 0, null, null, null, null);
    }

    public async ValueTask<ComplaintMetricsDto> Handle(GetComplaintMetricsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to - DefaultPeriod;
        var raw = await reader.ReadAsync(user.Scope(), from, to, RecurringWindow, RecurringThreshold, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SlaFiguresDto> Of(string dimension) => [.. raw.Figures.Where(f => f.Dimension == dimension).OrderByDescending(f => f.Complaints).ThenBy(f => f.Key, StringComparer.Ordinal).Select(Figures)];

        var total = raw.RootCauses.Sum(r => r.Complaints);
        var cumulative = 0;
        var causes = raw.RootCauses.OrderByDescending(r => r.Complaints).ThenBy(r => r.RootCause).Select(r =>
        {
            cumulative += r.Complaints;
            return new RootCauseShareDto(r.RootCause, r.Complaints, Percent(r.Complaints, total), Percent(cumulative, total));
        }).ToList();
        return new ComplaintMetricsDto(
            from,
            to,
            Overall(raw),
            Of("tier"),
            Of("category"),
            Of("department"),
            causes,
            [.. raw.Recurring.Select(r => new RecurringRootCauseDto(r.AccountId, r.AccountName, r.RootCause, r.Complaints, r.LastReceivedAt))]);
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
}
