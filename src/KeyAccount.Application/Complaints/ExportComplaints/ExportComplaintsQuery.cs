using System.Runtime.CompilerServices;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Exports;
using KeyAccount.Application.Complaints.ListComplaints;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using Mediator;
using Severity = KeyAccount.Domain.Complaints.Severity;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.ExportComplaints;

/// <summary>The complaints queue as a file: the queue's filters and order (its paging is ignored).</summary>
/// <param name="Filters">The queue's own query, bound from the same query string.</param>
/// <param name="Language">Language of the headers and enumerated values.</param>
public sealed record ExportComplaintsQuery(ListComplaintsQuery Filters, ExportLanguage Language) : IQuery<ExportTable>;

public sealed class ExportComplaintsValidator : AbstractValidator<ExportComplaintsQuery>
{
    public ExportComplaintsValidator()
    {
        // The list's own rules, reported under the list's field names (sort, not filters.sort): the same query string
        // is wrong in the same way for the list and for its export.
        var list = new ListComplaintsValidator();
        RuleFor(x => x.Filters).NotNull();
        RuleFor(x => x).CustomAsync(async (q, context, ct) =>
        {
            if (q.Filters is null)
            {
                return;
            }

            var result = await list.ValidateAsync(q.Filters, ct).ConfigureAwait(false);
            result.Errors.ForEach(context.AddFailure);
        });
        RuleFor(x => x.Language).IsInEnum();
    }
}

/// <summary>
/// The queue's filter and order (<see cref="ListComplaintsHandler"/>, which also limits an AccountManager to the
/// complaints of accounts they may see), counted first, then streamed row by row. The SLA columns are the stored ones
/// the queue shows; nothing is derived again here.
/// </summary>
public sealed class ExportComplaintsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ExportOptions options) : IQueryHandler<ExportComplaintsQuery, ExportTable>
{
    private static readonly ExportColumn[] Columns =
    [
        new("编号", "Reference", CellKind.Text),
        new("客户", "Account", CellKind.Text),
        new("受理时等级", "Tier at intake", CellKind.Text),
        new("严重程度", "Severity", CellKind.Text),
        new("类别", "Category", CellKind.Text),
        new("主题", "Subject", CellKind.Text),
        new("状态", "Status", CellKind.Text),
        new("负责部门", "Department", CellKind.Text),
        new("处理人", "Assignee", CellKind.Text),
        new("受理时间 (UTC)", "Received (UTC)", CellKind.DateTime),
        new("SLA 状态", "SLA state", CellKind.Text),
        new("当前截止时间 (UTC)", "Due (UTC)", CellKind.DateTime),
        new("首次响应时间 (UTC)", "First response (UTC)", CellKind.DateTime),
        new("首次响应超时", "First response breached", CellKind.Text),
        new("解决超时", "Resolution breached", CellKind.Text),
        new("解决时间 (UTC)", "Resolved (UTC)", CellKind.DateTime),
        new("关闭时间 (UTC)", "Closed (UTC)", CellKind.DateTime),
    ];

    public async ValueTask<ExportTable> Handle(ExportComplaintsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = ListComplaintsHandler.Filter(db, user, clock.GetUtcNow(), query.Filters);
        var count = await filtered.LongCountAsync(cancellationToken).ConfigureAwait(false);
        options.EnsureWithinLimit(count);

        var accounts = db.Accounts;
        var users = db.Users;
        var rows = ListComplaintsHandler.Order(filtered)
            .Take(options.MaxRows)
            .Select(c => new Row(
                c.Reference,
                accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault(),
                c.TierAtIntake,
                c.Severity,
                c.Category,
                c.Subject,
                c.Status,
                c.Department,
                users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                c.ReceivedAt,
                c.SlaState,
                c.DueAt,
                c.FirstRespondedAt,
                c.FirstResponseClock.Breached,
                c.ResolutionClock.Breached,
                c.ResolvedAt,
                c.ClosedAt))
            .AsAsyncEnumerable();
        return new ExportTable("complaints", query.Language, Columns, count, Cells(rows, query.Language, cancellationToken));
    }

    private static async IAsyncEnumerable<object?[]> Cells(IAsyncEnumerable<Row> rows, ExportLanguage language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return
            [
                r.Reference, r.AccountName, ExportLabels.Of(r.Tier, language), ExportLabels.Of(r.Severity, language), ExportLabels.Of(r.Category, language),
                r.Subject, ExportLabels.Of(r.Status, language), ExportLabels.Of(r.Department, language), r.AssigneeName, r.ReceivedAt,
                ExportLabels.Of(r.SlaState, language), r.DueAt, r.FirstRespondedAt, ExportLabels.YesNo(r.FirstResponseBreached, language),
                ExportLabels.YesNo(r.ResolutionBreached, language), r.ResolvedAt, r.ClosedAt,
            ];
        }
    }

    private sealed record Row(
        string Reference,
        string? AccountName,
        Tier Tier,
        Severity Severity,
        ComplaintCategory Category,
        string Subject,
        ComplaintStatus Status,
        Department? Department,
        string? AssigneeName,
        DateTimeOffset ReceivedAt,
        SlaState SlaState,
        DateTimeOffset? DueAt,
        DateTimeOffset? FirstRespondedAt,
        bool FirstResponseBreached,
        bool ResolutionBreached,
        DateTimeOffset? ResolvedAt,
        DateTimeOffset? ClosedAt);
}
