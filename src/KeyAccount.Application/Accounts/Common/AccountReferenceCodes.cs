using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.ReferenceData.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.ReferenceData;

namespace KeyAccount.Application.Accounts.Common;

/// <summary>An account's industry, region and segment are codes of the managed lists; create and update check them here.</summary>
internal static class AccountReferenceCodes
{
    /// <summary>
    /// <paramref name="input"/> with its codes in their stored (lower-case) form, after checking each names an active
    /// entry (or the inactive one <paramref name="current"/> already has): otherwise a 400 on the field.
    /// </summary>
    public static async Task<AccountProfileInput> ResolveAsync(IAppDbContext db, AccountProfileInput input, Account? current, CancellationToken cancellationToken)
    {
        var industry = await ReferenceCodes.EnsureChoosableAsync(db, ReferenceKind.Industry, input.Industry, "industry", current?.Industry, cancellationToken).ConfigureAwait(false);
        var region = await ReferenceCodes.EnsureChoosableAsync(db, ReferenceKind.Region, input.Region, "region", current?.Region, cancellationToken).ConfigureAwait(false);
        var segment = await ReferenceCodes.EnsureChoosableAsync(db, ReferenceKind.Segment, input.Segment, "segment", current?.Segment, cancellationToken).ConfigureAwait(false);
        return input with { Industry = industry, Region = region, Segment = segment };
    }
}
