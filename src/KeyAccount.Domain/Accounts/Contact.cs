namespace KeyAccount.Domain.Accounts;

/// <summary>A person at the customer, placed in the decision chain. Part of the <see cref="Account"/> aggregate.</summary>
public sealed class Contact
{
    private Contact()
    {
        Name = string.Empty;
    }

    public ContactId Id { get; private set; }

    public AccountId AccountId { get; private set; }

    public string Name { get; private set; }

    public string? Title { get; private set; }

    public string? Department { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public DateOnly? Birthday { get; private set; }

    public BuyingRole BuyingRole { get; private set; }

    public Attitude Attitude { get; private set; }

    public ContactId? ReportsToId { get; private set; }

    public RelationshipLevel RelationshipLevel { get; private set; }

    public RelationshipLevel TargetRelationshipLevel { get; private set; }

    /// <summary>This contact's gaps in the decision chain (see <see cref="FindGaps"/>).</summary>
    public IReadOnlyList<ContactGap> Gaps() => FindGaps(BuyingRole, Attitude, RelationshipLevel, TargetRelationshipLevel);

    /// <summary>
    /// The one home of a contact's gaps: the relationship is below its target level (levels rise from Vendor to
    /// TrustedAdvisor), or a decision maker is a non-supporter or an opponent.
    /// </summary>
    public static IReadOnlyList<ContactGap> FindGaps(BuyingRole role, Attitude attitude, RelationshipLevel current, RelationshipLevel target)
    {
        var gaps = new List<ContactGap>(2);
        if (current < target)
        {
            gaps.Add(ContactGap.BelowTargetRelationship);
        }

        if (role == BuyingRole.DecisionMaker && attitude is (Attitude.NonSupporter or Attitude.Opponent))
        {
            gaps.Add(ContactGap.NegativeDecisionMaker);
        }

        return gaps;
    }

    internal static Contact Create(AccountId accountId, ContactDetails details)
    {
        var contact = new Contact { Id = ContactId.New(), AccountId = accountId };
        contact.Apply(details);
        return contact;
    }

    internal void Apply(ContactDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        Name = details.Name.Trim();
        Title = details.Title?.Trim();
        Department = details.Department?.Trim();
        Email = details.Email?.Trim();
        Phone = details.Phone?.Trim();
        Birthday = details.Birthday;
        BuyingRole = details.BuyingRole;
        Attitude = details.Attitude;
        ReportsToId = details.ReportsToId;
        RelationshipLevel = details.RelationshipLevel;
        TargetRelationshipLevel = details.TargetRelationshipLevel;
    }

    internal void ClearReportsTo() => ReportsToId = null;
}

/// <summary>Everything a user can set on a contact.</summary>
public sealed record ContactDetails(
    string Name,
    string? Title,
    string? Department,
    string? Email,
    string? Phone,
    DateOnly? Birthday,
    BuyingRole BuyingRole,
    Attitude Attitude,
    ContactId? ReportsToId,
    RelationshipLevel RelationshipLevel,
    RelationshipLevel TargetRelationshipLevel);
