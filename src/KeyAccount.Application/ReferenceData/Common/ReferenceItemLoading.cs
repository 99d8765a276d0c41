using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ReferenceData.Common;

internal static class ReferenceItemLoading
{
    /// <summary>The entry <paramref name="code"/> (any case) of <paramref name="kind"/>, or 404; with If-Match, a stale version is a 412 at save.</summary>
    public static async Task<ReferenceItem> LoadReferenceItemAsync(this IAppDbContext db, ReferenceKind kind, string code, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var normalized = ReferenceItem.NormalizeCode(code);
        var item = await db.ReferenceItems.FirstOrDefaultAsync(r => r.Kind == kind && r.Code == normalized, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("ReferenceItem", normalized);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(item, version);
        }

        return item;
    }
}
