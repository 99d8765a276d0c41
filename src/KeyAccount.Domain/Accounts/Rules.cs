using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Accounts;

[RuleCode("strategic-fit-out-of-range")]
public sealed class StrategicFitMustBeBetweenOneAndFiveRule(int? strategicFit) : IBusinessRule
{
    public bool IsBroken() => strategicFit is < 1 or > 5;

    public string Message => "Strategic fit must be between 1 and 5.";

    public IReadOnlyDictionary<string, object?> Args => new Dictionary<string, object?> { ["min"] = 1, ["max"] = 5 };

    public string? Field => "strategicFit";
}

[RuleCode("potential-revenue-negative")]
public sealed class PotentialRevenueCannotBeNegativeRule(Money? potential) : IBusinessRule
{
    public bool IsBroken() => potential is { Amount: < 0 };

    public string Message => "Estimated potential annual revenue cannot be negative.";

    public string? Field => "potentialAnnualRevenue";
}

[RuleCode("reports-to-not-a-contact")]
public sealed class ReportsToMustBeAContactOfTheSameAccountRule(ContactId? reportsTo, IReadOnlyCollection<Contact> contacts) : IBusinessRule
{
    public bool IsBroken() => reportsTo is { } id && contacts.All(c => c.Id != id);

    public string Message => "A contact can only report to another contact of the same account.";

    public string? Field => "reportsToId";
}

/// <summary>The reports-to chain is an org chart: it may not loop back on itself.</summary>
[RuleCode("reports-to-cycle")]
public sealed class ReportsToCannotFormACycleRule(ContactId contact, ContactId? reportsTo, IReadOnlyCollection<Contact> contacts) : IBusinessRule
{
    public bool IsBroken()
    {
        var managerOf = contacts.ToDictionary(c => c.Id, c => c.ReportsToId);
        var current = reportsTo;
        var steps = 0;
        while (current is { } id)
        {
            if (id == contact || steps++ > contacts.Count)
            {
                return true;
            }

            current = managerOf.GetValueOrDefault(id);
        }

        return false;
    }

    public string Message => "A contact cannot report to themselves, directly or through others.";

    public string? Field => "reportsToId";
}

[RuleCode("team-member-duplicate")]
public sealed class TeamMemberMustBeUniqueRule(IReadOnlyCollection<AccountTeamMember> members) : IBusinessRule
{
    public bool IsBroken() => members.GroupBy(m => m.UserId).Any(g => g.Count() > 1);

    public string Message => "A user can appear only once on an account team.";

    public string? Field => "members";
}

[RuleCode("contact-not-of-account")]
public sealed class ContactMustBelongToTheAccountRule(IEnumerable<ContactId> involved, IReadOnlyCollection<Contact> contacts) : IBusinessRule
{
    public bool IsBroken() => involved.Any(id => contacts.All(c => c.Id != id));

    public string Message => "Every contact involved must be a contact of the account.";

    public string? Field => "contactIds";
}
