using FluentValidation;

namespace KeyAccount.Application.Common.Models;

/// <summary>One page of a list.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">1-based page number (absent when the page was fetched with a cursor).</param>
/// <param name="PageSize">Rows per page (at most 200).</param>
/// <param name="TotalCount">Rows matching the filters, over all pages.</param>
/// <param name="NextCursor" example="bmFtZQrljY7kuJznsr7lr4bliLbpgKDmnInpmZDlhazlj7gKOTEzMTAwMDBNQTFGTDEyMzRY">Opaque cursor of the next page for keyset paging; null on the last page.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int? Page, int PageSize, int TotalCount, string? NextCursor);

public static class Paging
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The deepest page a list serves by number (deeper lists use keyset cursors); keeps offsets far from overflow.</summary>
    public const int MaxPage = 100_000;
}

/// <summary>A list query paged by number.</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }
}

/// <summary>The paging rules of every list, written once (included by each list's validator).</summary>
public sealed class PagingValidator : AbstractValidator<IPagedQuery>
{
    public static readonly PagingValidator Instance = new();

    public PagingValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, Paging.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}
