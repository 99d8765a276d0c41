using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Accounts.Common;

public static class AccountLoading
{
    /// <summary>Loads the whole aggregate (contacts and team) for a change; 404 when missing or not visible to the caller.</summary>
    public static async Task<Account> LoadForChangeAsync(this IAppDbContext db, AccountId id, ICurrentUser user, uint? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = await db.VisibleAccounts(user).Include(a => a.Contacts).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new Domain.Common.EntityNotFoundException("Account", id.Value);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(account, version);
        }

        return account;
    }

    /// <summary>404 unless the account exists and the caller may see it; cheap (an index lookup).</summary>
    public static async Task EnsureAccountVisibleAsync(this IAppDbContext db, AccountId id, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = await db.VisibleAccounts(user).AnyAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (!visible)
        {
            throw new Domain.Common.EntityNotFoundException("Account", id.Value);
        }
    }
}
