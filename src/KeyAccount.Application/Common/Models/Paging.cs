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
}
