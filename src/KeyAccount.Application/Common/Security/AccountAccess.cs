using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Security;

/// <summary>
/// Object-level access to accounts, in one place: an AccountManager sees the accounts they own and those whose
/// team they are on; other roles allowed by the endpoint's policy see all. An account the caller may not see
/// does not exist for them (404, no existence leak).
/// </summary>
/// <remarks>
/// The rule has two halves and each has exactly one home. Which callers are restricted is <see cref="RestrictedTo(ICurrentUser)"/>
/// (the only role check). Which accounts a restricted user sees — owner or team member — is the database view
/// <c>account_viewers</c> (mapped as <see cref="AccountViewer"/>): LINQ reads it through <see cref="VisibleAccounts(IAppDbContext, ICurrentUser)"/>,
/// and set-based SQL through Infrastructure's <c>Sql/AccountScopeSql</c>, with the <see cref="AccountScope.VisibleTo"/>
/// this class computes.
/// </remarks>
public static class AccountAccess
{
    /// <summary>The user whose accounts a caller of <paramref name="role"/> is limited to, or null when the role sees every account.</summary>
    public static UserId? RestrictedTo(Role? role, UserId? userId) =>
        role == Role.AccountManager
            ? userId ?? throw new InvalidOperationException("An AccountManager has no user id.")
            : null;

    /// <summary>
    /// The user whose accounts the caller is limited to, or null when it sees every account: for a user, by role; for an
    /// API client, the account manager it is bound to (it sees exactly what that user sees), else none.
    /// </summary>
    public static UserId? RestrictedTo(ICurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.ClientId is not null ? caller.AccountScopeUserId : RestrictedTo(caller.Role, caller.UserId);
    }

    public static IQueryable<Account> VisibleAccounts(this IAppDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return db.VisibleAccountsOf(RestrictedTo(user));
    }

    /// <summary>The accounts a user of <paramref name="role"/> may see (for a caller, or for someone work is given to).</summary>
    public static IQueryable<Account> VisibleAccounts(this IAppDbContext db, Role? role, UserId? userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.VisibleAccountsOf(RestrictedTo(role, userId));
    }

    private static IQueryable<Account> VisibleAccountsOf(this IAppDbContext db, UserId? restrictedTo)
    {
        if (restrictedTo is not { } me)
        {
            return db.Accounts;
        }

        var viewers = db.AccountViewers;
        return db.Accounts.Where(a => viewers.Any(v => v.AccountId == a.Id && v.UserId == me));
    }

    /// <summary>The same rule for set-based reads: the accounts in scope (of <paramref name="owner"/> when given) that the caller may see.</summary>
    public static AccountScope Scope(this ICurrentUser user, UserId? owner = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AccountScope(Owner: owner, VisibleTo: RestrictedTo(user));
    }
}

/// <summary>
/// One row of the database view <c>account_viewers</c>: <see cref="UserId"/> is the owner of <see cref="AccountId"/>
/// or on its team, so an AccountManager with that id may see the account. A relation, not a set: an owner who is
/// also on the team appears twice, which EXISTS and IN do not mind.
/// </summary>
public sealed record AccountViewer(AccountId AccountId, UserId UserId);
