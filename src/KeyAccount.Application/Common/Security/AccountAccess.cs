using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Common.Security;

/// <summary>
/// Object-level access to accounts, in one place: an AccountManager sees the accounts they own and those whose
/// team they are on; other roles allowed by the endpoint's policy see all. An account the caller may not see
/// does not exist for them (404, no existence leak).
/// </summary>
public static class AccountAccess
{
    public static IQueryable<Account> VisibleTo(this IQueryable<Account> accounts, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return accounts.VisibleTo(user.Role, user.UserId);
    }

    /// <summary>The accounts a user of <paramref name="role"/> may see (for a caller, or for someone work is given to).</summary>
    public static IQueryable<Account> VisibleTo(this IQueryable<Account> accounts, Role? role, UserId? userId)
    {
        if (role != Role.AccountManager)
        {
            return accounts;
        }

        var me = userId ?? throw new InvalidOperationException("An AccountManager has no user id.");
        return accounts.Where(a => a.OwnerId == me || a.Team.Any(m => m.UserId == me));
    }

    /// <summary>The same rule for set-based reads: the accounts in scope (of <paramref name="owner"/> when given) that the caller may see.</summary>
    public static AccountScope Scope(this ICurrentUser user, UserId? owner = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role != Role.AccountManager
            ? new AccountScope(Owner: owner)
            : new AccountScope(Owner: owner, VisibleTo: user.UserId ?? throw new InvalidOperationException("An AccountManager request has no user id."));
    }

    /// <summary>Throws <see cref="EntityNotFoundException"/> when the caller may not see the account.</summary>
    public static void EnsureVisible(this Account? account, ICurrentUser user, AccountId id)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (account is null || (user.Role == Role.AccountManager && (user.UserId is not { } me || !account.IsVisibleTo(me))))
        {
            throw new EntityNotFoundException("Account", id.Value);
        }
    }
}
