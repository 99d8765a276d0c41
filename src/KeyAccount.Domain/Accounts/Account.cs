using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Accounts;

/// <summary>The customer 360: profile, account team and the decision chain of contacts.</summary>
public sealed class Account : AggregateRoot
{
    private readonly List<Contact> _contacts = [];
    private List<AccountTeamMember> _team = [];

    private Account()
    {
        Name = string.Empty;
        RegistrationNumber = string.Empty;
        Industry = string.Empty;
        Region = string.Empty;
        Segment = string.Empty;
    }

    public AccountId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Legal/registration number; unique across accounts.</summary>
    public string RegistrationNumber { get; private set; }

    public string Industry { get; private set; }

    public string Region { get; private set; }

    /// <summary>Customer type (segment).</summary>
    public string Segment { get; private set; }

    public UserId OwnerId { get; private set; }

    public AccountStatus Status { get; private set; }

    /// <summary>Current tier; set by tiering runs (Standard until the first run).</summary>
    public Tier Tier { get; private set; }

    /// <summary>Strategic-fit assessment, 1–5.</summary>
    public int? StrategicFit { get; private set; }

    public Money? PotentialAnnualRevenue { get; private set; }

    public DateOnly? FirstContractDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A Director's pinned tier, respected by tiering runs until it expires.</summary>
    public TierOverride? TierOverride { get; private set; }

    public IReadOnlyList<Contact> Contacts => _contacts;

    public IReadOnlyList<AccountTeamMember> Team => _team;

    public static Account Create(AccountProfile profile, UserId ownerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var account = new Account
        {
            Id = AccountId.New(),
            OwnerId = ownerId,
            Tier = Tier.Standard,
            CreatedAt = now,
        };
        account.ApplyProfile(profile, now);
        account.Raise(new AccountCreated(account.Id, account.Name, ownerId, now));
        return account;
    }

    public void UpdateProfile(AccountProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var before = CurrentProfile();
        ApplyProfile(profile, now);
        var after = CurrentProfile();
        string[] changed =
        [
            .. before.Name != after.Name ? ["name"] : Array.Empty<string>(),
            .. before.RegistrationNumber != after.RegistrationNumber ? ["registrationNumber"] : Array.Empty<string>(),
            .. before.Industry != after.Industry ? ["industry"] : Array.Empty<string>(),
            .. before.Region != after.Region ? ["region"] : Array.Empty<string>(),
            .. before.Segment != after.Segment ? ["segment"] : Array.Empty<string>(),
            .. before.StrategicFit != after.StrategicFit ? ["strategicFit"] : Array.Empty<string>(),
            .. before.PotentialAnnualRevenue != after.PotentialAnnualRevenue ? ["potentialAnnualRevenue"] : Array.Empty<string>(),
            .. before.FirstContractDate != after.FirstContractDate ? ["firstContractDate"] : Array.Empty<string>(),
        ];
        if (changed.Length > 0)
        {
            Raise(new AccountUpdated(Id, changed, now));
        }

        if (before.Status != Status)
        {
            Raise(new AccountStatusChanged(Id, before.Status, Status, now));
        }
    }

    private AccountProfile CurrentProfile() =>
        new(Name, RegistrationNumber, Industry, Region, Segment, Status, StrategicFit, PotentialAnnualRevenue, FirstContractDate);

    public void ChangeOwner(UserId newOwner, DateTimeOffset now)
    {
        if (newOwner == OwnerId)
        {
            return;
        }

        Raise(new AccountOwnerChanged(Id, OwnerId, newOwner, now));
        OwnerId = newOwner;
        Touch(now);
    }

    /// <summary>Replaces the account team as a whole.</summary>
    public void ReplaceTeam(IReadOnlyCollection<AccountTeamMember> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        CheckRule(new TeamMemberMustBeUniqueRule(members));
        _team = [.. members];
        Touch(now);
    }

    public Contact AddContact(ContactDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new ReportsToMustBeAContactOfTheSameAccountRule(details.ReportsToId, _contacts));
        var contact = Contact.Create(Id, details);
        _contacts.Add(contact);
        Touch(now);
        return contact;
    }

    public Contact UpdateContact(ContactId contactId, ContactDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var contact = FindContact(contactId);
        CheckRule(new ReportsToMustBeAContactOfTheSameAccountRule(details.ReportsToId, _contacts));
        CheckRule(new ReportsToCannotFormACycleRule(contactId, details.ReportsToId, _contacts));
        contact.Apply(details);
        Touch(now);
        return contact;
    }

    /// <summary>Removes a contact; whoever reported to them now reports to no one.</summary>
    public void RemoveContact(ContactId contactId, DateTimeOffset now)
    {
        var contact = FindContact(contactId);
        foreach (var report in _contacts.Where(c => c.ReportsToId == contactId))
        {
            report.ClearReportsTo();
        }

        _contacts.Remove(contact);
        Touch(now);
    }

    public Contact? FindContactOrDefault(ContactId contactId) => _contacts.FirstOrDefault(c => c.Id == contactId);

    /// <summary>Logs an interaction with this account; the contacts involved must be the account's own.</summary>
    public Interaction LogInteraction(InteractionDetails details, UserId loggedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckRule(new ContactMustBelongToTheAccountRule(details.ContactIds, _contacts));
        var interaction = Interaction.Create(Id, details, loggedBy, now);
        Raise(new InteractionLogged(Id, interaction.Id, interaction.Type, now));
        return interaction;
    }

    /// <summary>
    /// A key account (Strategic or Key) must have a decision maker and a supporter (Mentor or Supporter) in its map.
    /// </summary>
    public IReadOnlyList<DecisionChainGap> DecisionChainGaps() => FindDecisionChainGaps(Tier, _contacts.Select(c => (c.BuyingRole, c.Attitude)));

    public static IReadOnlyList<DecisionChainGap> FindDecisionChainGaps(Tier tier, IEnumerable<(BuyingRole Role, Attitude Attitude)> contacts)
    {
        if (tier is not (Tier.Strategic or Tier.Key))
        {
            return [];
        }

        var list = contacts.ToList();
        var gaps = new List<DecisionChainGap>();
        if (!list.Any(c => c.Role == BuyingRole.DecisionMaker))
        {
            gaps.Add(DecisionChainGap.NoDecisionMaker);
        }

        if (!list.Any(c => c.Attitude is Attitude.Mentor or Attitude.Supporter))
        {
            gaps.Add(DecisionChainGap.NoSupporter);
        }

        return gaps;
    }

    /// <summary>Sets the tier (tiering runs own this; seeding uses it too).</summary>
    public void AssignTier(Tier tier, DateTimeOffset now)
    {
        Tier = tier;
        Touch(now);
    }

    /// <summary>Pins the tier until <paramref name="expiresOn"/> (Director only, enforced by the application layer).</summary>
    public void PinTier(Tier tier, string reason, DateOnly expiresOn, UserId by, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        CheckRule(new Tiering.OverrideNeedsAReasonRule(reason));
        CheckRule(new Tiering.OverrideMustExpireInTheFutureRule(expiresOn, today));
        TierOverride = new TierOverride(tier, reason.Trim(), expiresOn, by, now);
        Touch(now);
    }

    public void ClearTierOverride(DateTimeOffset now)
    {
        TierOverride = null;
        Touch(now);
    }

    private Contact FindContact(ContactId contactId) =>
        FindContactOrDefault(contactId) ?? throw new EntityNotFoundException("Contact", contactId.Value);

    private void ApplyProfile(AccountProfile profile, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.RegistrationNumber);
        CheckRule(new StrategicFitMustBeBetweenOneAndFiveRule(profile.StrategicFit));
        CheckRule(new PotentialRevenueCannotBeNegativeRule(profile.PotentialAnnualRevenue));
        Name = profile.Name.Trim();
        RegistrationNumber = NormalizeRegistrationNumber(profile.RegistrationNumber);
        Industry = profile.Industry.Trim();
        Region = profile.Region.Trim();
        Segment = profile.Segment.Trim();
        Status = profile.Status;
        StrategicFit = profile.StrategicFit;
        PotentialAnnualRevenue = profile.PotentialAnnualRevenue;
        FirstContractDate = profile.FirstContractDate;
        Touch(now);
    }

    /// <summary>Registration numbers compare without surrounding space and case.</summary>
    public static string NormalizeRegistrationNumber(string value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    // Every change to the aggregate, child rows included, updates the root row, so its version
    // (xmin) moves and a stale If-Match is caught whichever part was edited.
    private void Touch(DateTimeOffset now) => UpdatedAt = now > UpdatedAt ? now : UpdatedAt.AddTicks(1);
}

/// <summary>The editable profile of an account.</summary>
public sealed record AccountProfile(
    string Name,
    string RegistrationNumber,
    string Industry,
    string Region,
    string Segment,
    AccountStatus Status,
    int? StrategicFit,
    Money? PotentialAnnualRevenue,
    DateOnly? FirstContractDate);
