using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.ReferenceData.Common;

/// <summary>
/// The one check that a value picked from a managed list is an entry of that list: accounts, survey audiences and
/// list filters all call it, so "unknown" and "inactive" mean the same everywhere.
/// </summary>
public static class ReferenceCodes
{
    /// <summary>
    /// The stored (lower-case) form of <paramref name="code"/> after checking that it names an active entry of
    /// <paramref name="kind"/>; an entry that is inactive is still accepted when it is <paramref name="current"/>
    /// (an account keeps the value it has). Otherwise a 400 on <paramref name="field"/>: <c>unknown-reference</c> or
    /// <c>inactive-reference</c>.
    /// </summary>
    public static async Task<string> EnsureChoosableAsync(IAppDbContext db, ReferenceKind kind, string code, string field, string? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalized = ReferenceItem.NormalizeCode(code);
        var item = await db.ReferenceItems.AsNoTracking()
            .Where(r => r.Kind == kind && r.Code == normalized)
            .Select(r => new { r.IsActive })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var args = new Dictionary<string, object?> { ["kind"] = kind.ToString(), ["code"] = normalized };
        if (item is null)
        {
            throw RequestValidationException.For(field, FieldErrorCodes.UnknownReference, $"'{normalized}' is not in the {kind} list (GET /api/v1/reference-data).", args);
        }

        if (!item.IsActive && !string.Equals(normalized, current, StringComparison.Ordinal))
        {
            throw RequestValidationException.For(field, FieldErrorCodes.InactiveReference, $"'{normalized}' has been deactivated in the {kind} list: pick another entry.", args);
        }

        return normalized;
    }

    /// <summary>The stored form of several codes after checking that each names an entry (active or not) of <paramref name="kind"/>.</summary>
    public static async Task<IReadOnlyList<string>> EnsureKnownAsync(IAppDbContext db, ReferenceKind kind, IReadOnlyList<string> codes, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return codes;
        }

        var normalized = codes.Select(ReferenceItem.NormalizeCode).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == kind && normalized.Contains(r.Code)).Select(r => r.Code)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var errors = new Dictionary<string, IReadOnlyList<FieldError>>();
        for (var i = 0; i < codes.Count; i++)
        {
            var code = ReferenceItem.NormalizeCode(codes[i]);
            if (!known.Contains(code, StringComparer.Ordinal))
            {
                errors[$"{field}[{i}]"] = [new FieldError(FieldErrorCodes.UnknownReference, $"'{code}' is not in the {kind} list (GET /api/v1/reference-data).", new Dictionary<string, object?> { ["kind"] = kind.ToString(), ["code"] = code })];
            }
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : normalized;
    }
}
