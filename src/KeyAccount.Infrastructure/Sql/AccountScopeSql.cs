using KeyAccount.Application.Common.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// The accounts of an <see cref="AccountScope"/> for set-based SQL: one account, one owner's accounts, and the
/// object-level access rule. Who a restricted user sees is not written here but read from the view
/// <c>account_viewers</c> (<see cref="AccountViewersSql"/>), the same relation EF maps for LINQ.
/// </summary>
internal static class AccountScopeSql
{
    /// <summary>A predicate over accounts aliased <c>a</c>; bind <see cref="Parameters"/> with it.</summary>
    /// <remarks>
    /// Each condition is "parameter is null or …", so a custom plan (parameters known) folds away the ones not asked
    /// for: a caller who sees every account gets no access filter at all.
    /// </remarks>
    public const string Filter = $"""
        (@account::uuid IS NULL OR a.id = @account)
        AND (@owner::uuid IS NULL OR a.owner_id = @owner)
        AND (@visible_to::uuid IS NULL OR a.id IN ({AccountViewersSql.AccountsOf} @visible_to))
        """;

    public static object[] Parameters(AccountScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return
        [
            new NpgsqlParameter("account", NpgsqlDbType.Uuid) { Value = (object?)scope.Account?.Value ?? DBNull.Value },
            new NpgsqlParameter("owner", NpgsqlDbType.Uuid) { Value = (object?)scope.Owner?.Value ?? DBNull.Value },
            new NpgsqlParameter("visible_to", NpgsqlDbType.Uuid) { Value = (object?)scope.VisibleTo?.Value ?? DBNull.Value },
        ];
    }
}
