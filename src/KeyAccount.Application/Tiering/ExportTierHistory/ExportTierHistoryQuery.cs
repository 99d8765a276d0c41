using System.Runtime.CompilerServices;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Exports;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Tiering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Tiering.ExportTierHistory;

/// <summary>
/// The tier history across accounts as a file: each account's result in each run (the rows of every account's tier
/// history), newest run first. What a Director reviews after runs: who moved, from what to what, and why.
/// </summary>
public sealed record ExportTierHistoryQuery : IQuery<ExportTable>
{
    /// <summary>Only this account's history.</summary>
    public AccountId? AccountId { get; init; }

    /// <summary>Only this run's results.</summary>
    public TieringRunId? RunId { get; init; }

    /// <summary>Only results that gave this tier.</summary>
    public Tier? Tier { get; init; }

    /// <summary>Only results with this reason.</summary>
    public TierChangeReason? Reason { get; init; }

    /// <summary>Only results whose tier differs from the one before (an account's first result included).</summary>
    public bool ChangedOnly { get; init; }

    /// <summary>Only runs on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only runs on or before this day.</summary>
    public DateOnly? To { get; init; }

    public ExportLanguage Language { get; init; }
}

public sealed class ExportTierHistoryValidator : AbstractValidator<ExportTierHistoryQuery>
{
    public ExportTierHistoryValidator()
    {
        RuleFor(x => x.Tier).IsInEnum();
        RuleFor(x => x.Reason).IsInEnum();
        RuleFor(x => x.Language).IsInEnum();
        RuleFor(x => x.To).Must((q, to) => q.From is null || to is null || to >= q.From)
            .WithErrorCode(FieldErrorCodes.NotAfter).WithMessage("'to' must not be before 'from'.")
            .WithState(_ => new Dictionary<string, object?> { ["other"] = "from" });
    }
}

/// <summary>
/// Tier assignments joined to their run, policy version and account, over the accounts the caller may see
/// (<see cref="AccountAccess"/>): counted first, then streamed row by row.
/// </summary>
public sealed class ExportTierHistoryHandler(IAppDbContext db, ICurrentUser user, ExportOptions options) : IQueryHandler<ExportTierHistoryQuery, ExportTable>
{
    private static readonly ExportColumn[] Columns =
    [
        new("评级日期", "Run date", CellKind.Date),
        new("客户名称", "Account", CellKind.Text),
        new("统一社会信用代码", "Registration number", CellKind.Text),
        new("客户经理", "Owner", CellKind.Text),
        new("策略版本", "Policy version", CellKind.WholeNumber),
        new("得分", "Score", CellKind.Number),
        new("原等级", "Previous tier", CellKind.Text),
        new("新等级", "New tier", CellKind.Text),
        new("原因", "Reason", CellKind.Text),
    ];

    public async ValueTask<ExportTable> Handle(ExportTierHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var assignments = db.TierAssignments.AsNoTracking();
        if (query.AccountId is { } account)
        {
            assignments = assignments.Where(a => a.AccountId == account);
        }

        if (query.RunId is { } run)
        {
            assignments = assignments.Where(a => a.RunId == run);
        }

        if (query.Tier is { } tier)
        {
            assignments = assignments.Where(a => a.NewTier == tier);
        }

        if (query.Reason is { } reason)
        {
            assignments = assignments.Where(a => a.Reason == reason);
        }

        if (query.ChangedOnly)
        {
            assignments = assignments.Where(a => a.PreviousTier == null || a.PreviousTier != a.NewTier);
        }

        var runs = db.TieringRuns.AsNoTracking();
        if (query.From is { } from)
        {
            runs = runs.Where(r => r.RunDate >= from);
        }

        if (query.To is { } to)
        {
            runs = runs.Where(r => r.RunDate <= to);
        }

        var joined =
            from a in assignments
            join r in runs on a.RunId equals r.Id
            join acc in db.VisibleAccounts(user).AsNoTracking() on a.AccountId equals acc.Id
            select new { a, r, acc };
        var count = await joined.LongCountAsync(cancellationToken).ConfigureAwait(false);
        options.EnsureWithinLimit(count);

        var users = db.Users;
        var rows = joined
            .OrderByDescending(x => x.r.StartedAt).ThenBy(x => x.acc.Name).ThenBy(x => x.acc.RegistrationNumber)
            .Take(options.MaxRows)
            .Select(x => new Row(
                x.r.RunDate,
                x.acc.Name,
                x.acc.RegistrationNumber,
                users.Where(u => u.Id == x.acc.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                x.r.PolicyNumber,
                x.a.Score,
                x.a.PreviousTier,
                x.a.NewTier,
                x.a.Reason))
            .AsAsyncEnumerable();
        return new ExportTable("tier-history", query.Language, Columns, count, Cells(rows, query.Language, cancellationToken));
    }

    private static async IAsyncEnumerable<object?[]> Cells(IAsyncEnumerable<Row> rows, ExportLanguage language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return
            [
                r.RunDate, r.AccountName, r.RegistrationNumber, r.OwnerName, r.PolicyNumber, r.Score,
                ExportLabels.Of(r.PreviousTier, language), ExportLabels.Of(r.NewTier, language), ExportLabels.Of(r.Reason, language),
            ];
        }
    }

    private sealed record Row(
        DateOnly RunDate,
        string AccountName,
        string RegistrationNumber,
        string? OwnerName,
        int PolicyNumber,
        decimal Score,
        Tier? PreviousTier,
        Tier NewTier,
        TierChangeReason Reason);
}
