using System.Text.RegularExpressions;
using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.ReferenceData;

/// <summary>The managed lists an account's profile picks from.</summary>
public enum ReferenceKind
{
    Industry,
    Region,
    Segment,
}

public readonly record struct ReferenceItemId(Guid Value) : ITypedId<ReferenceItemId>
{
    public static ReferenceItemId From(Guid value) => new(value);

    public static ReferenceItemId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The labels and place of an entry, as an Admin edits them.</summary>
/// <param name="LabelZh">Simplified Chinese label.</param>
/// <param name="LabelEn">English label.</param>
/// <param name="SortOrder">Position in pickers (ascending; ties by label).</param>
/// <param name="IsActive">Inactive entries stay on the accounts that have them, but cannot be chosen again.</param>
public sealed record ReferenceItemLabels(string LabelZh, string LabelEn, int SortOrder, bool IsActive);

/// <summary>
/// One entry of a managed list (an industry, a region, a segment): a stable code, which accounts store and
/// integrators send, with a label in each language the product speaks. Codes are lower case: any case is accepted
/// and normalised, so "Energy" and "energy" are one entry.
/// </summary>
public sealed partial class ReferenceItem : AggregateRoot
{
    /// <summary>The longest code (lower-case letters, digits and single hyphens).</summary>
    public const int MaxCodeLength = 50;

    /// <summary>The longest label: the length of the account columns that stored the free text before the lists.</summary>
    public const int MaxLabelLength = 100;

    private ReferenceItem()
    {
        Code = string.Empty;
        LabelZh = string.Empty;
        LabelEn = string.Empty;
    }

    public ReferenceItemId Id { get; private set; }

    public ReferenceKind Kind { get; private set; }

    /// <summary>Stable, lower-case code; never changes once created.</summary>
    public string Code { get; private set; }

    public string LabelZh { get; private set; }

    public string LabelEn { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ReferenceItem Create(ReferenceKind kind, string code, ReferenceItemLabels labels, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var normalized = NormalizeCode(code);
        if (!IsValidCode(normalized))
        {
            throw new ArgumentException($"'{code}' is not a valid reference code.", nameof(code));
        }

        var item = new ReferenceItem { Id = ReferenceItemId.New(), Kind = kind, Code = normalized, CreatedAt = now };
        item.Apply(labels, now);
        return item;
    }

    public void Update(ReferenceItemLabels labels, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Apply(labels, now);
    }

    /// <summary>The label in <paramref name="language"/> (zh-CN or en; anything else reads English).</summary>
    public string LabelIn(string? language) => language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? LabelZh : LabelEn;

    /// <summary>Codes compare without case and surrounding spaces: the stored form is trimmed and lower case.</summary>
    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Lower-case ASCII letters and digits, words joined by single hyphens, at most <see cref="MaxCodeLength"/> characters.</summary>
    public static bool IsValidCode(string normalizedCode) =>
        normalizedCode.Length is > 0 and <= MaxCodeLength && CodePattern().IsMatch(normalizedCode);

    private void Apply(ReferenceItemLabels labels, DateTimeOffset now)
    {
        LabelZh = labels.LabelZh.Trim();
        LabelEn = labels.LabelEn.Trim();
        SortOrder = labels.SortOrder;
        IsActive = labels.IsActive;
        UpdatedAt = now;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
