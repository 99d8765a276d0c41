using KeyAccount.Domain.Common;

namespace KeyAccount.Domain.Accounts;

public readonly record struct AccountId(Guid Value) : ITypedId<AccountId>
{
    public static AccountId From(Guid value) => new(value);

    public static AccountId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ContactId(Guid Value) : ITypedId<ContactId>
{
    public static ContactId From(Guid value) => new(value);

    public static ContactId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct InteractionId(Guid Value) : ITypedId<InteractionId>
{
    public static InteractionId From(Guid value) => new(value);

    public static InteractionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Lifecycle status of an account.</summary>
public enum AccountStatus
{
    Prospect,
    Active,
    Dormant,
    Lost,
}

/// <summary>Account tiers, highest first.</summary>
public enum Tier
{
    Strategic,
    Key,
    Growth,
    Standard,
}

/// <summary>The role a contact plays in the customer's buying decision.</summary>
public enum BuyingRole
{
    DecisionMaker,
    Influencer,
    User,
    Gatekeeper,
    Champion,
}

/// <summary>The contact's attitude towards us.</summary>
public enum Attitude
{
    Mentor,
    Supporter,
    Neutral,
    NonSupporter,
    Opponent,
}

/// <summary>How the contact sees us, from supplier to trusted advisor.</summary>
public enum RelationshipLevel
{
    Vendor,
    CredibleSource,
    ProblemSolver,
    TrustedAdvisor,
}

/// <summary>The role a user plays on an account team.</summary>
public enum AccountTeamRole
{
    ExecutiveSponsor,
    AccountManager,
    SalesEngineer,
    ServiceLead,
    ProjectManager,
    Finance,
    Other,
}

public enum InteractionType
{
    Call,
    Meeting,
    Visit,
    Email,
    Event,
}

/// <summary>A gap in the decision chain of a key account.</summary>
public enum DecisionChainGap
{
    NoDecisionMaker,
    NoSupporter,
}

/// <summary>A gap on one contact of the decision chain: where the relationship is short of its aim, or a decision maker is against us.</summary>
public enum ContactGap
{
    /// <summary>Our relationship level with the contact is below the level we aim for.</summary>
    BelowTargetRelationship,

    /// <summary>A decision maker who is a non-supporter or an opponent.</summary>
    NegativeDecisionMaker,
}
