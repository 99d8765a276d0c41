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
    public const string UsersManage = "users:manage";

    /// <summary>Manage the API clients of third-party systems (Admin).</summary>
    public const string ApiClientsManage = "apiclients:manage";

    /// <summary>
    /// The user picker (active users' names, roles and departments; no emails): for whoever hands work to a named
    /// person — Directors and QualityManagers assign complaints, ServiceAgents pass a complaint on to a colleague,
    /// AccountManagers (and Directors) put people on an account's team. Marketing assigns nobody; an Admin has the full
    /// list under users:manage.
    /// </summary>
    public const string UsersLookup = "users:lookup";

    /// <summary>Read the audit trail (an AccountManager: only of the accounts they may see).</summary>
    public const string AuditRead = "audit:read";

    /// <summary>Read customer development plans (an AccountManager: only those of the accounts they may see; QualityManagers read all).</summary>
    public const string PlansRead = "plans:read";

    /// <summary>Draft, edit, submit and run development plans (an AccountManager: only for the accounts they may see).</summary>
    public const string PlansWrite = "plans:write";

    /// <summary>Approve or reject a submitted development plan (Directors; never one's own: four eyes).</summary>
    public const string PlansApprove = "plans:approve";

    /// <summary>Read survey templates, campaigns, invitations and results (an AccountManager: the invitations and results of the accounts they may see; a ServiceAgent reads them to record answers by phone).</summary>
    public const string SurveysRead = "surveys:read";

    /// <summary>Design survey templates: create, edit, publish and revise them (Directors, Marketing).</summary>
    public const string SurveysDesign = "surveys:design";

    /// <summary>Create, schedule, open and close survey campaigns, and preview their audience (Directors, Marketing).</summary>
    public const string SurveysRun = "surveys:run";

    /// <summary>Read and close survey follow-ups (an AccountManager: those of the accounts they may see).</summary>
    public const string SurveysFollowUps = "surveys:followups";

    /// <summary>Record a contact's survey answers by phone (ServiceAgents, Marketing, Directors).</summary>
    public const string SurveysRespond = "surveys:respond";

    /// <summary>Read the managed lists (industries, regions, segments) with their labels: every role, for pickers and labels.</summary>
    public const string ReferenceDataRead = "referencedata:read";

    /// <summary>Add, relabel, reorder and deactivate entries of the managed lists (Admin).</summary>
    public const string ReferenceDataManage = "referencedata:manage";

    /// <summary>See the scheduled jobs, their runs and outcomes, and start a job by hand (Admin).</summary>
    public const string JobsManage = "jobs:manage";

    public static readonly IReadOnlyList<string> All = [AccountsRead, AccountsWrite, AccountsDelete, RevenueRead, RevenueWrite, RemindersRead, TieringRead, TieringManage, ComplaintsRead, ComplaintsWrite, ComplaintsManage, WebhooksManage, ApiClientsManage, UsersManage, UsersLookup, AuditRead, PlansRead, PlansWrite, PlansApprove, SurveysRead, SurveysDesign, SurveysRun, SurveysFollowUps, SurveysRespond, ReferenceDataRead, ReferenceDataManage, JobsManage];

    private static readonly Dictionary<Role, string[]> ByRole = new()
    {
        [Role.Admin] = [WebhooksManage, ApiClientsManage, UsersManage, AuditRead, ReferenceDataRead, ReferenceDataManage, JobsManage],
        [Role.Director] = [AccountsRead, AccountsWrite, AccountsDelete, RevenueRead, RevenueWrite, RemindersRead, TieringRead, TieringManage, ComplaintsRead, ComplaintsWrite, ComplaintsManage, UsersLookup, AuditRead, PlansRead, PlansWrite, PlansApprove, SurveysRead, SurveysDesign, SurveysRun, SurveysFollowUps, SurveysRespond, ReferenceDataRead],
        [Role.AccountManager] = [AccountsRead, AccountsWrite, RevenueRead, RemindersRead, TieringRead, ComplaintsRead, ComplaintsWrite, UsersLookup, AuditRead, PlansRead, PlansWrite, SurveysRead, SurveysFollowUps, ReferenceDataRead],
        [Role.ServiceAgent] = [AccountsRead, RemindersRead, ComplaintsRead, ComplaintsWrite, UsersLookup, SurveysRead, SurveysRespond, ReferenceDataRead],
        [Role.QualityManager] = [AccountsRead, RevenueRead, RemindersRead, TieringRead, ComplaintsRead, ComplaintsWrite, ComplaintsManage, UsersLookup, PlansRead, SurveysRead, SurveysFollowUps, ReferenceDataRead],
        [Role.Marketing] = [SurveysRead, SurveysDesign, SurveysRun, SurveysRespond, ReferenceDataRead],
    };

    public static IReadOnlyList<string> For(Role role) => ByRole.TryGetValue(role, out var p) ? p : [];

    public static bool Grants(Role role, string permission) => For(role).Contains(permission, StringComparer.Ordinal);
}
