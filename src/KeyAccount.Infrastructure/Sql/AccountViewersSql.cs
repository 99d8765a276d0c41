namespace KeyAccount.Infrastructure.Sql;

/// <summary>
/// The home of "which accounts an AccountManager sees": the view <c>account_viewers</c> (account, user) holds a row
/// for the owner of every account and one for each member of its team. EF maps it as
/// <see cref="Application.Common.Security.AccountViewer"/> (LINQ through <c>AccountAccess.VisibleAccounts</c>);
/// set-based SQL reads it through <see cref="AccountScopeSql"/>. Which roles are restricted at all is decided once,
/// in <c>AccountAccess.RestrictedTo</c>. The view's text is in the migration that creates it
/// (<c>Persistence/Migrations/*_AccountViewersView.cs</c>); a change to the rule is a new migration.
/// </summary>
/// <remarks>
/// A view rather than a boolean SQL function: PostgreSQL inlines a SQL function only when its body has no subquery,
/// and team membership needs one, so a function would run once per account row. The view is a UNION ALL of two
/// indexed relations; a filter on <c>user_id</c> is pushed into both branches (ix_accounts_owner_id_name and
/// ix_account_team_members_user_id), so an AccountManager's accounts are found by index and joined by primary key.
/// </remarks>
internal static class AccountViewersSql
{
    public const string View = "account_viewers";

    /// <summary>Followed by a uuid expression: the ids of the accounts that user is on (owner or team).</summary>
    public const string AccountsOf = $"SELECT v.account_id FROM {View} v WHERE v.user_id =";
}
