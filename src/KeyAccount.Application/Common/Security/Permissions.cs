using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Security;

/// <summary>
/// What a caller may do, as permission strings. Roles grant permissions here (one table); API clients will be
/// granted the same strings as scopes. Every endpoint requires exactly one permission (its policy).
/// </summary>
public static class Permissions
{
    public const string AccountsRead = "accounts:read";
    public const string AccountsWrite = "accounts:write";
    public const string AccountsDelete = "accounts:delete";
    public const string RevenueRead = "revenue:read";
    public const string RevenueWrite = "revenue:write";
    public const string RemindersRead = "reminders:read";
    public const string TieringRead = "tiering:read";
    public const string TieringManage = "tiering:manage";
    public const string ComplaintsRead = "complaints:read";
    public const string ComplaintsWrite = "complaints:write";
    public const string ComplaintsManage = "complaints:manage";
    public const string WebhooksManage = "webhooks:manage";
    public const string ApiClientsManage = "apiclients:manage";

    public static readonly IReadOnlyList<string> All = [AccountsRead, AccountsWrite, AccountsDelete, RevenueRead, RevenueWrite, RemindersRead, TieringRead, TieringManage, ComplaintsRead, ComplaintsWrite, ComplaintsManage, WebhooksManage, ApiClientsManage];

    private static readonly Dictionary<Role, string[]> ByRole = new()
    {
        [Role.Admin] = [WebhooksManage, ApiClientsManage],
        [Role.Director] = [AccountsRead, AccountsWrite, AccountsDelete, RevenueRead, RevenueWrite, RemindersRead, TieringRead, TieringManage, ComplaintsRead, ComplaintsWrite, ComplaintsManage],
        [Role.AccountManager] = [AccountsRead, AccountsWrite, RevenueRead, RemindersRead, TieringRead, ComplaintsRead, ComplaintsWrite],
        [Role.ServiceAgent] = [AccountsRead, RemindersRead, ComplaintsRead, ComplaintsWrite],
        [Role.QualityManager] = [AccountsRead, RevenueRead, RemindersRead, TieringRead, ComplaintsRead, ComplaintsWrite, ComplaintsManage],
        [Role.Marketing] = [],
    };

    public static IReadOnlyList<string> For(Role role) => ByRole.TryGetValue(role, out var p) ? p : [];

    public static bool Grants(Role role, string permission) => For(role).Contains(permission, StringComparer.Ordinal);
}
