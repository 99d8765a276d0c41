using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Domain.Webhooks;

namespace KeyAccount.Application.Common.Auditing;

/// <summary>
/// How one type of record is audited: its public name, its id, the account it belongs to, and which of its fields
/// are noise (never recorded) or secret (recorded as changed, values never stored). Field names are the public,
/// camelCase names the audit trail shows.
/// </summary>
public sealed class AuditedEntity
{
    private AuditedEntity(Type type, Type? ownerType, string name, Func<object, object?, Guid> id, Func<object, object?, AccountId?> account, IEnumerable<string> ignored, IEnumerable<string> redacted, IEnumerable<string> users)
    {
        Type = type;
        OwnerType = ownerType;
        Name = name;
        IdOf = id;
        AccountOf = account;
        Ignored = new HashSet<string>([.. CommonNoise, .. ignored.Select(FieldName)], StringComparer.Ordinal);
        Redacted = new HashSet<string>(redacted.Select(FieldName), StringComparer.Ordinal);
        UserFields = new HashSet<string>(users.Select(FieldName), StringComparer.Ordinal);
    }

    /// <summary>
    /// Noise on every type. The audit row carries its own instant, so a row's created/updated timestamps only repeat
    /// it; the concurrency version (xmin) changes with every write and means nothing to a reader.
    /// </summary>
    private static readonly string[] CommonNoise = ["createdAt", "updatedAt", "version"];

    public Type Type { get; }

    /// <summary>For a part stored with its owner (a team membership, a tier pin): the owner's type, which gives its id and account.</summary>
    public Type? OwnerType { get; }

    /// <summary>The public name (<c>entityType</c> of the audit API).</summary>
    public string Name { get; }

    /// <summary>The record's id, from the record and (for parts) its owner.</summary>
    public Func<object, object?, Guid> IdOf { get; }

    /// <summary>The account the record belongs to, from the record and (for parts) its owner; null for records of no account.</summary>
    public Func<object, object?, AccountId?> AccountOf { get; }

    public IReadOnlySet<string> Ignored { get; }

    public IReadOnlySet<string> Redacted { get; }

    /// <summary>Fields whose values are user ids: the trail's reader is also told those users' names.</summary>
    public IReadOnlySet<string> UserFields { get; }

    /// <summary>Whether a field's values must never be stored: listed, or named like a secret (a safety net for fields added later).</summary>
    public bool IsSecret(string field) =>
        Redacted.Contains(field)
        || field.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || field.Contains("password", StringComparison.OrdinalIgnoreCase)
        || field.Contains("hash", StringComparison.OrdinalIgnoreCase);

    /// <summary>A record stored on its own.</summary>
    public static AuditedEntity Of<T>(string name, Func<T, Guid> id, Func<T, AccountId?>? account = null, string[]? ignore = null, string[]? redact = null, string[]? users = null)
        where T : class =>
        new(typeof(T), null, name, (e, _) => id((T)e), (e, _) => account?.Invoke((T)e), ignore ?? [], redact ?? [], users ?? []);

    /// <summary>A part of <typeparamref name="TOwner"/> stored with it (an owned type).</summary>
    public static AuditedEntity PartOf<T, TOwner>(string name, Func<T, TOwner, Guid> id, Func<TOwner, AccountId?> account, string[]? ignore = null, string[]? redact = null, string[]? users = null)
        where T : class
        where TOwner : class =>
        new(typeof(T), typeof(TOwner), name, (e, o) => id((T)e, (TOwner)o!), (_, o) => account((TOwner)o!), ignore ?? [], redact ?? [], users ?? []);

    /// <summary>The public name of a C# member: camelCase, without a backing field's underscore.</summary>
    public static string FieldName(string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        var name = member.TrimStart('_');
        return name.Length == 0 ? member : char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>
/// What the audit trail records: this list, and nothing else. One line per type of record; the SaveChanges
/// interceptor in Infrastructure reads it for every save (changes written by set-based SQL bypass it).
/// </summary>
public static class AuditedEntities
{
    /// <summary>The public name of accounts (an AccountManager's access is checked when one is named).</summary>
    public const string AccountType = "account";

    public static IReadOnlyList<AuditedEntity> All { get; } =
    [
        AuditedEntity.Of<Account>(AccountType, a => a.Id.Value, a => a.Id, users: [nameof(Account.OwnerId)]),
        // The account is the contact's subject already; its link never changes.
        AuditedEntity.Of<Contact>("contact", c => c.Id.Value, c => c.AccountId, ignore: [nameof(Contact.AccountId)]),
        // A membership's id is the member's user id (unique within its account).
        AuditedEntity.PartOf<AccountTeamMember, Account>("accountTeamMember", (m, _) => m.UserId.Value, a => a.Id, users: [nameof(AccountTeamMember.UserId)]),
        // An account has at most one pin: it is identified by its account. Who pinned it and when is the row's own
        // actor and instant (re-pinning would otherwise always list them).
        AuditedEntity.PartOf<TierOverride, Account>("tierOverride", (_, a) => a.Id.Value, a => a.Id, ignore: [nameof(TierOverride.SetBy), nameof(TierOverride.SetAt)]),
        AuditedEntity.Of<TierPolicy>("tierPolicy", p => p.Id.Value),
        // Each change of the SLA policy is a new version: its history is a list of creations.
        AuditedEntity.Of<SlaPolicy>("slaPolicy", p => p.Id.Value, users: [nameof(SlaPolicy.CreatedBy)]),
        // Failed sign-in attempts count up on every wrong password (noise); the lockout they cause is kept. The
        // password hash and the security stamp (what a session token is checked against) are secrets.
        AuditedEntity.Of<User>("user", u => u.Id.Value, ignore: [nameof(User.FailedLoginCount)], redact: [nameof(User.PasswordHash), nameof(User.SecurityStamp)]),
        // The failure run's start moves with every delivery outcome (the dispatcher's bookkeeping); being switched off,
        // by hand or by the dispatcher, is kept. Signing secrets are secrets.
        AuditedEntity.Of<Domain.ApiClients.ApiClient>("apiClient", c => c.Id.Value, ignore: [nameof(Domain.ApiClients.ApiClient.LastUsedAt)], redact: [nameof(Domain.ApiClients.ApiClient.SecretHash), nameof(Domain.ApiClients.ApiClient.PreviousSecretHash)], users: [nameof(Domain.ApiClients.ApiClient.AccountScopeUserId)]),
        // A plan's progress figures are computed from its objectives and initiatives (the refresh moves them nightly):
        // noise here; what people decided — content, status, approval, rejection, cancellation — is kept.
        AuditedEntity.Of<Domain.DevelopmentPlans.DevelopmentPlan>("developmentPlan", p => p.Id.Value, p => p.AccountId,
            ignore: [nameof(Domain.DevelopmentPlans.DevelopmentPlan.Progress), nameof(Domain.DevelopmentPlans.DevelopmentPlan.InitiativesDone), nameof(Domain.DevelopmentPlans.DevelopmentPlan.InitiativesTotal), nameof(Domain.DevelopmentPlans.DevelopmentPlan.EarliestOpenDueDate), nameof(Domain.DevelopmentPlans.DevelopmentPlan.Baseline)],
            users: [nameof(Domain.DevelopmentPlans.DevelopmentPlan.OwnerId), nameof(Domain.DevelopmentPlans.DevelopmentPlan.AuthorId), nameof(Domain.DevelopmentPlans.DevelopmentPlan.SubmittedBy), nameof(Domain.DevelopmentPlans.DevelopmentPlan.RejectedBy)]),
        // A template's questions are one document: a change lists the whole question list before and after.
        AuditedEntity.Of<Domain.Surveys.SurveyTemplate>("surveyTemplate", t => t.Id.Value, users: [nameof(Domain.Surveys.SurveyTemplate.PublishedBy)]),
        AuditedEntity.Of<Domain.ReferenceData.ReferenceItem>("referenceItem", r => r.Id.Value),
        AuditedEntity.Of<WebhookEndpoint>("webhookEndpoint", e => e.Id.Value, ignore: [nameof(WebhookEndpoint.FailingSince)], redact: [nameof(WebhookEndpoint.Secret), nameof(WebhookEndpoint.PreviousSecret)]),
    ];

    private static readonly Dictionary<Type, AuditedEntity> ByType = All.ToDictionary(e => e.Type);

    /// <summary>The public names, for validating the API's <c>entityType</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    private static readonly Dictionary<string, AuditedEntity> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static AuditedEntity? Find(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>The audited type of a public name.</summary>
    public static AuditedEntity? Find(string name) => ByName.GetValueOrDefault(name);
}
