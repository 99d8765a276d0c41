using System.Runtime.CompilerServices;
using FluentValidation;
using KeyAccount.Application.Accounts.ListAccounts;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Exports;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.ExportAccounts;

/// <summary>The accounts list as a file: the list's filters and sort (its paging is ignored), every matching row the caller may see.</summary>
/// <param name="Filters">The list's own query, bound from the same query string.</param>
/// <param name="Language">Language of the headers and enumerated values.</param>
public sealed record ExportAccountsQuery(ListAccountsQuery Filters, ExportLanguage Language) : IQuery<ExportTable>;

public sealed class ExportAccountsValidator : AbstractValidator<ExportAccountsQuery>
{
    public ExportAccountsValidator()
    {
        // The list's own rules, reported under the list's field names (sort, not filters.sort): the same query string
        // is wrong in the same way for the list and for its export.
        var list = new ListAccountsValidator();
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
/// Reads through the list's filter and order (<see cref="ListAccountsHandler"/>) over the accounts the caller may see
/// (<see cref="AccountAccess"/>), counts first, then streams the projection from the database row by row. Revenue
/// columns are only there for callers with revenue:read (design §2: no revenue figure anywhere without it).
/// </summary>
public sealed class ExportAccountsHandler(IAppDbContext db, ICurrentUser user, ExportOptions options) : IQueryHandler<ExportAccountsQuery, ExportTable>
{
    private static readonly ExportColumn[] Leading =
    [
        new("客户名称", "Name", CellKind.Text),
        new("统一社会信用代码", "Registration number", CellKind.Text),
        new("行业", "Industry", CellKind.Text),
        new("区域", "Region", CellKind.Text),
        new("客户类型", "Segment", CellKind.Text),
        new("状态", "Status", CellKind.Text),
        new("等级", "Tier", CellKind.Text),
        new("客户经理", "Owner", CellKind.Text),
        new("战略匹配度", "Strategic fit", CellKind.WholeNumber),
    ];

    private static readonly ExportColumn[] Revenue =
    [
        new("潜在年收入", "Potential annual revenue", CellKind.Number),
        new("币种", "Currency", CellKind.Text),
    ];

    private static readonly ExportColumn[] Trailing =
    [
        new("首次签约日期", "First contract date", CellKind.Date),
        new("创建时间 (UTC)", "Created (UTC)", CellKind.DateTime),
        new("更新时间 (UTC)", "Updated (UTC)", CellKind.DateTime),
    ];

    public async ValueTask<ExportTable> Handle(ExportAccountsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = ListAccountsHandler.Filter(db.VisibleAccounts(user).AsNoTracking(), query.Filters);
        var count = await filtered.LongCountAsync(cancellationToken).ConfigureAwait(false);
        options.EnsureWithinLimit(count);

        var sort = query.Filters.Sort ?? "name";
        var revenue = user.Can(Permissions.RevenueRead);
        var users = db.Users;
        var rows = ListAccountsHandler.Order(filtered, sort.TrimStart('-'), sort.StartsWith('-'))
            .Take(options.MaxRows)
            .Select(a => new Row(
                a.Name,
                a.RegistrationNumber,
                a.Industry,
                a.Region,
                a.Segment,
                a.Status,
                a.Tier,
                users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                a.StrategicFit,
                revenue && a.PotentialAnnualRevenue != null ? (decimal?)a.PotentialAnnualRevenue.Amount : null,
                revenue && a.PotentialAnnualRevenue != null ? a.PotentialAnnualRevenue.Currency : null,
                a.FirstContractDate,
                a.CreatedAt,
                a.UpdatedAt))
            .AsAsyncEnumerable();
        ExportColumn[] columns = revenue ? [.. Leading, .. Revenue, .. Trailing] : [.. Leading, .. Trailing];

        // Industry, region and segment are codes; the sheet shows their labels in its language (the lists are a few
        // hundred rows, read once rather than joined per row). A code without an entry is shown as it is.
        var labels = (await db.ReferenceItems.AsNoTracking().Select(r => new { r.Kind, r.Code, r.LabelZh, r.LabelEn }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (r.Kind, r.Code), r => query.Language == ExportLanguage.ZhCn ? r.LabelZh : r.LabelEn);
        return new ExportTable("accounts", query.Language, columns, count, Cells(rows, revenue, query.Language, labels, cancellationToken));
    }

    private static async IAsyncEnumerable<object?[]> Cells(IAsyncEnumerable<Row> rows, bool revenue, ExportLanguage language, Dictionary<(ReferenceKind, string), string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string Label(ReferenceKind kind, string code) => labels.TryGetValue((kind, code), out var label) ? label : code;

        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            object?[] leading = [r.Name, r.RegistrationNumber, Label(ReferenceKind.Industry, r.Industry), Label(ReferenceKind.Region, r.Region), Label(ReferenceKind.Segment, r.Segment), ExportLabels.Of(r.Status, language), ExportLabels.Of(r.Tier, language), r.OwnerName, r.StrategicFit];
            object?[] trailing = [r.FirstContractDate, r.CreatedAt, r.UpdatedAt];
            yield return revenue ? [.. leading, r.PotentialAmount, r.PotentialCurrency, .. trailing] : [.. leading, .. trailing];
        }
    }

    private sealed record Row(
        string Name,
        string RegistrationNumber,
        string Industry,
        string Region,
        string Segment,
        AccountStatus Status,
        Tier Tier,
        string? OwnerName,
        int? StrategicFit,
        decimal? PotentialAmount,
        string? PotentialCurrency,
        DateOnly? FirstContractDate,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt);
}
