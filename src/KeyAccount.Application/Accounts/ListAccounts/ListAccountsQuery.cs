using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.ListAccounts;

/// <summary>
/// Filters, sort and paging of the accounts list. Page-number paging for the first pages; for deep lists,
/// pass the previous page's <c>nextCursor</c> as <c>cursor</c> (keyset paging: constant cost at any depth).
/// </summary>
public sealed record ListAccountsQuery : IQuery<PagedResult<AccountSummaryDto>>, IPagedQuery
{
    public Tier? Tier { get; init; }

    public string? Segment { get; init; }

    public string? Industry { get; init; }

    public string? Region { get; init; }

    public UserId? OwnerId { get; init; }

    public AccountStatus? Status { get; init; }

    /// <summary>Free text matched against name and registration number.</summary>
    public string? Search { get; init; }

    /// <summary>One of <see cref="ListAccountsValidator.SortKeys"/>, optionally prefixed with '-' for descending.</summary>
    public string? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;

    public string? Cursor { get; init; }
}

public sealed class ListAccountsValidator : AbstractValidator<ListAccountsQuery>
{
    public static readonly string[] SortKeys = ["name", "registrationNumber", "createdAt", "updatedAt"];

    public ListAccountsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Tier).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Segment).MaximumLength(100);
        RuleFor(x => x.Industry).MaximumLength(100);
        RuleFor(x => x.Region).MaximumLength(100);
        RuleFor(x => x.Sort)
            .Must(s => s is null || SortKeys.Contains(s.TrimStart('-'), StringComparer.Ordinal))
            .WithErrorCode(FieldErrorCodes.InvalidValue).WithMessage($"Sort must be one of {string.Join(", ", SortKeys)}, optionally prefixed with '-'.")
            .WithState(_ => new Dictionary<string, object?> { ["allowed"] = SortKeys.SelectMany(k => new[] { k, "-" + k }).ToArray() });
        RuleFor(x => x.Cursor)
            .Must((q, c) => c is null || AccountCursor.TryDecode(c, q.Sort ?? "name", out _))
            .WithErrorCode(FieldErrorCodes.InvalidFormat).WithMessage("The cursor is not valid for this sort; use the nextCursor of the previous page with the same sort.")
            .WithState(_ => new Dictionary<string, object?> { ["format"] = "cursor" });
        RuleFor(x => x.Page).Equal(1).When(x => x.Cursor is not null).WithErrorCode(FieldErrorCodes.Conflicting).WithMessage("Use either page or cursor, not both.")
            .WithState(_ => new Dictionary<string, object?> { ["other"] = "cursor" });
    }
}

/// <summary>Keyset position: the sort key's value and the registration number (unique) as the tie-breaker.</summary>
internal sealed record AccountCursor(string Sort, string Key, string RegistrationNumber)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Sort}\n{Key}\n{RegistrationNumber}"));

    public static bool TryDecode(string value, string sort, out AccountCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('\n');
            if (parts.Length != 3 || parts[0] != sort)
            {
                return false;
            }

            if (sort.TrimStart('-') is "createdAt" or "updatedAt" && !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            {
                return false;
            }

            cursor = new AccountCursor(parts[0], parts[1], parts[2]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed class ListAccountsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListAccountsQuery, PagedResult<AccountSummaryDto>>
{
    public async ValueTask<PagedResult<AccountSummaryDto>> Handle(ListAccountsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filtered = Filter(db.VisibleAccounts(user).AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken).ConfigureAwait(false);

        var sort = query.Sort ?? "name";
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        var page = filtered;
        AccountCursor? cursor = null;
        if (query.Cursor is not null)
        {
            AccountCursor.TryDecode(query.Cursor, sort, out cursor);
            page = After(page, key, descending, cursor!);
        }

        var ordered = Order(page, key, descending);
        if (cursor is null)
        {
            ordered = (IOrderedQueryable<Account>)ordered.Skip((query.Page - 1) * query.PageSize);
        }

        var rows = await ordered.Take(query.PageSize + 1).Select(AccountProjections.ToSummary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var items = rows.Take(query.PageSize).ToList();
        string? next = null;
        if (rows.Count > query.PageSize)
        {
            var last = items[^1];
            var lastKey = key switch
            {
                "registrationNumber" => last.RegistrationNumber,
                "createdAt" => last.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                "updatedAt" => last.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
                _ => last.Name,
            };
            next = new AccountCursor(sort, lastKey, last.RegistrationNumber).Encode();
        }

        return new PagedResult<AccountSummaryDto>(items, cursor is null ? query.Page : null, query.PageSize, total, next);
    }

    /// <summary>The list's filters, also applied by the export (one reading of the same query string).</summary>
    internal static IQueryable<Account> Filter(IQueryable<Account> accounts, ListAccountsQuery q)
    {
        if (q.Tier is { } tier)
        {
            accounts = accounts.Where(a => a.Tier == tier);
        }

        if (q.Status is { } status)
        {
            accounts = accounts.Where(a => a.Status == status);
        }

        if (q.OwnerId is { } owner)
        {
            accounts = accounts.Where(a => a.OwnerId == owner);
        }

        // Codes of the managed lists, in any case: "Energy" and "energy" are one entry.
        if (!string.IsNullOrWhiteSpace(q.Segment))
        {
            var segment = Domain.ReferenceData.ReferenceItem.NormalizeCode(q.Segment);
            accounts = accounts.Where(a => a.Segment == segment);
        }

        if (!string.IsNullOrWhiteSpace(q.Industry))
        {
            var industry = Domain.ReferenceData.ReferenceItem.NormalizeCode(q.Industry);
            accounts = accounts.Where(a => a.Industry == industry);
        }

        if (!string.IsNullOrWhiteSpace(q.Region))
        {
            var region = Domain.ReferenceData.ReferenceItem.NormalizeCode(q.Region);
            accounts = accounts.Where(a => a.Region == region);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim().ToLowerInvariant();
            var registration = Account.NormalizeRegistrationNumber(q.Search);
            accounts = accounts.Where(a => a.Name.ToLower().Contains(text) || a.RegistrationNumber.StartsWith(registration));
        }

        return accounts;
    }

    internal static IOrderedQueryable<Account> Order(IQueryable<Account> q, string key, bool descending) => (key, descending) switch
    {
        ("registrationNumber", false) => q.OrderBy(a => a.RegistrationNumber),
        ("registrationNumber", true) => q.OrderByDescending(a => a.RegistrationNumber),
        ("createdAt", false) => q.OrderBy(a => a.CreatedAt).ThenBy(a => a.RegistrationNumber),
        ("createdAt", true) => q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.RegistrationNumber),
        ("updatedAt", false) => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.RegistrationNumber),
        ("updatedAt", true) => q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.RegistrationNumber),
        (_, false) => q.OrderBy(a => a.Name).ThenBy(a => a.RegistrationNumber),
        (_, true) => q.OrderByDescending(a => a.Name).ThenByDescending(a => a.RegistrationNumber),
    };

    private static IQueryable<Account> After(IQueryable<Account> q, string key, bool descending, AccountCursor c)
    {
        var reg = c.RegistrationNumber;
        switch (key)
        {
            case "registrationNumber":
                return descending ? q.Where(a => string.Compare(a.RegistrationNumber, reg) < 0) : q.Where(a => string.Compare(a.RegistrationNumber, reg) > 0);
            case "createdAt":
            case "updatedAt":
                var at = DateTimeOffset.Parse(c.Key, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                if (key == "createdAt")
                {
                    return descending
                        ? q.Where(a => a.CreatedAt < at || (a.CreatedAt == at && string.Compare(a.RegistrationNumber, reg) < 0))
                        : q.Where(a => a.CreatedAt > at || (a.CreatedAt == at && string.Compare(a.RegistrationNumber, reg) > 0));
                }

                return descending
                    ? q.Where(a => a.UpdatedAt < at || (a.UpdatedAt == at && string.Compare(a.RegistrationNumber, reg) < 0))
                    : q.Where(a => a.UpdatedAt > at || (a.UpdatedAt == at && string.Compare(a.RegistrationNumber, reg) > 0));
            default:
                var name = c.Key;
                return descending
                    ? q.Where(a => string.Compare(a.Name, name) < 0 || (a.Name == name && string.Compare(a.RegistrationNumber, reg) < 0))
                    : q.Where(a => string.Compare(a.Name, name) > 0 || (a.Name == name && string.Compare(a.RegistrationNumber, reg) > 0));
        }
    }
}
