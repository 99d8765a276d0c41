using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options), IAppDbContext
{
    public DbSet<Account> Accounts => Set<Account>();

    public IQueryable<Application.Common.Security.AccountViewer> AccountViewers => Set<Application.Common.Security.AccountViewer>();

    /// <summary>A command of this context failed inside the driver (see <see cref="Interceptors.BrokenConnectionGuard"/>).</summary>
    internal bool ConnectionSuspect { get; set; }

    /// <summary>Who the audit trail names for this context's saves (null: the system — a job, a start-up task).</summary>
    internal ICurrentUser? Caller { get; set; }

    /// <summary>
    /// A context from the pool, ready for a request: one whose connection object saw a driver failure gets a new one
    /// (EF creates it from the data source on first use; the old one is disposed with what Npgsql cached on it).
    /// </summary>
    public static AppDbContext Rent(IDbContextFactory<AppDbContext> factory, ICurrentUser? caller = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var context = factory.CreateDbContext();

        // Set on every rent: a pooled context keeps it from its previous user otherwise.
        context.Caller = caller;
        if (context.ConnectionSuspect)
        {
            // A broken connection still counts as opened by the context until it is closed.
            context.Database.CloseConnection();
            context.Database.SetDbConnection(null, contextOwnsConnection: true);
            context.ConnectionSuspect = false;
        }

        return context;
    }

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<RevenueRecord> RevenueRecords => Set<RevenueRecord>();

    public DbSet<User> Users => Set<User>();

    public DbSet<SetPasswordToken> SetPasswordTokens => Set<SetPasswordToken>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<TierPolicy> TierPolicies => Set<TierPolicy>();

    public DbSet<TieringRun> TieringRuns => Set<TieringRun>();

    public DbSet<TierAssignment> TierAssignments => Set<TierAssignment>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<ComplaintTimelineEntry> ComplaintTimeline => Set<ComplaintTimelineEntry>();

    public DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Domain.Webhooks.WebhookEndpoint>();

    public DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Domain.Webhooks.WebhookDelivery>();

    public DbSet<Domain.Audit.AuditEntry> AuditEntries => Set<Domain.Audit.AuditEntry>();

    public DbSet<Domain.ApiClients.ApiClient> ApiClients => Set<Domain.ApiClients.ApiClient>();

    public DbSet<Domain.DevelopmentPlans.DevelopmentPlan> DevelopmentPlans => Set<Domain.DevelopmentPlans.DevelopmentPlan>();

    public DbSet<Domain.DevelopmentPlans.PlanReview> PlanReviews => Set<Domain.DevelopmentPlans.PlanReview>();

    public DbSet<Domain.DevelopmentPlans.PlanHistoryEntry> PlanHistory => Set<Domain.DevelopmentPlans.PlanHistoryEntry>();

    public DbSet<Domain.Surveys.SurveyFollowUp> SurveyFollowUps => Set<Domain.Surveys.SurveyFollowUp>();

    public DbSet<Domain.ReferenceData.ReferenceItem> ReferenceItems => Set<Domain.ReferenceData.ReferenceItem>();

    public DbSet<Domain.Surveys.SurveyCampaign> SurveyCampaigns => Set<Domain.Surveys.SurveyCampaign>();

    public DbSet<Domain.Surveys.SurveyInvitation> SurveyInvitations => Set<Domain.Surveys.SurveyInvitation>();

    public DbSet<Domain.Surveys.SurveySkip> SurveySkips => Set<Domain.Surveys.SurveySkip>();

    public async Task<Domain.Surveys.SurveyCampaign?> FindSurveyCampaignForUpdateAsync(Domain.Surveys.SurveyCampaignId id, CancellationToken cancellationToken) =>
        (await SurveyCampaigns.FromSqlInterpolated($"SELECT *, xmin FROM survey_campaigns WHERE id = {id.Value} FOR UPDATE").ToListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public DbSet<Domain.Surveys.SurveyTemplate> SurveyTemplates => Set<Domain.Surveys.SurveyTemplate>();

    public DbSet<Domain.Surveys.SurveyResponse> SurveyResponses => Set<Domain.Surveys.SurveyResponse>();

    public void ClearTracked() => ChangeTracker.Clear();

    public bool InTransaction => Database.CurrentTransaction is not null;

    public void ResetAfterFailure()
    {
        ChangeTracker.Clear();

        // The connection object that failed goes (as on the next rent, see Rent); EF opens a new one from the data
        // source, whose pool the failure cleared (BrokenConnectionGuard) or which gives a fresh physical connection.
        Database.CloseConnection();
        Database.SetDbConnection(null, contextOwnsConnection: true);
        ConnectionSuspect = false;
    }

    public async Task<User?> FindUserForSignInAsync(string email, CancellationToken cancellationToken) =>
        (await Users.FromSqlInterpolated($"SELECT *, xmin FROM users WHERE email = {email} FOR UPDATE").ToListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<SetPasswordToken?> FindSetPasswordTokenForUseAsync(byte[] tokenHash, CancellationToken cancellationToken) =>
        (await SetPasswordTokens.FromSqlInterpolated($"SELECT * FROM set_password_tokens WHERE token_hash = {tokenHash} FOR UPDATE").ToListAsync(cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>The next complaint reference number (a sequence: gap-tolerant, never duplicated).</summary>
    public async Task<long> NextComplaintNumberAsync(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>($"SELECT nextval('{Configurations.ComplaintConfiguration.ReferenceSequence}') AS \"Value\"")
            .SingleAsync(cancellationToken).ConfigureAwait(false);

    public void ExpectVersion(AggregateRoot aggregate, uint expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.Version != expectedVersion)
        {
            throw new PreconditionFailedException("The resource was changed by someone else since you read it. Reload it and apply your change again.");
        }

        // Also guard the save itself: the UPDATE's WHERE carries the expected version, so a change committed
        // between this read and the save is caught too.
        Entry(aggregate).Property(a => a.Version).OriginalValue = expectedVersion;
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        Database.CurrentTransaction is null
            ? new OwnedTransaction(await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            : JoinedTransaction.Instance;

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (SupersedesAPlan())
            {
                return await SaveSupersedingAsync(cancellationToken).ConfigureAwait(false);
            }

            return await base.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException pg) when (pg.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            // A deferred check failing at the commit (SaveSupersedingAsync): the same answer as an immediate one.
            throw UniqueConstraints.ToException(pg.ConstraintName);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new PreconditionFailedException("The resource was changed by someone else since you read it. Reload it and apply your change again.") { Source = e.Source };
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation } pg)
        {
            throw UniqueConstraints.ToException(pg.ConstraintName);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } pg)
        {
            throw ForeignKeys.ToConflict(pg);
        }
    }

    /// <summary>Whether this save moves a plan version to Superseded (the approval of its successor, in the same save).</summary>
    private bool SupersedesAPlan() =>
        ChangeTracker.Entries<Domain.DevelopmentPlans.DevelopmentPlan>().Any(e =>
            e.State == EntityState.Modified && e.Entity.Status == Domain.DevelopmentPlans.PlanStatus.Superseded
            && e.Property(p => p.Status).OriginalValue != Domain.DevelopmentPlans.PlanStatus.Superseded);

    /// <summary>
    /// Approving a revision supersedes the version it revises in the same save: for a moment both would be in force, so
    /// the one-plan-in-force exclusion constraint is checked at the commit instead of row by row (whatever order EF writes
    /// the two updates in). A save already inside a transaction joins it (<see cref="BeginTransactionAsync"/>) and defers it there.
    /// </summary>
    private async Task<int> SaveSupersedingAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Database.ExecuteSqlRawAsync("SET CONSTRAINTS " + Configurations.DevelopmentPlanConfiguration.InForceExclusion + " DEFERRED", cancellationToken).ConfigureAwait(false);
        var written = await base.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.HasSequence<long>(Configurations.ComplaintConfiguration.ReferenceSequence);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        TypedIdConventions.Apply(configurationBuilder, typeof(Account).Assembly);
        // Instants are stored as UTC whatever offset they arrived with (Npgsql refuses any other offset for timestamptz,
        // and a value it refuses mid-batch used to leave the connection unusable).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }
}

/// <summary>Any offset in, the same instant at offset 0 out.</summary>
internal sealed class UtcInstantConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>Names the field behind each unique constraint, so a duplicate answers 409 on that field.</summary>
internal static class UniqueConstraints
{
    public const string AccountRegistrationNumber = "ux_accounts_registration_number";
    public const string UserEmail = "ux_users_email";
    public const string ReferenceItemCode = "ux_reference_items_kind_code";
    public const string UserDepartmentHead = "ux_users_department_head";

    /// <summary>A new version of the SLA policy numbered like one saved meanwhile: the editor read a version that is no longer current.</summary>
    public const string SlaPolicyNumber = "ix_sla_policies_number";

    /// <summary>A timeline entry numbered like one written meanwhile: the complaint changed since the caller read it.</summary>
    public const string ComplaintTimelineEntry = "pk_complaint_timeline";

    /// <summary>A second revision of the same plan version (two tabs, a double click): the first one exists already.</summary>
    public const string PlanRevision = "ux_development_plans_previous_version";

    /// <summary>A second revision of the same survey template version (two tabs, a double click): the first one exists already.</summary>
    public const string SurveyTemplateRevision = "ux_survey_templates_previous_version";

    public static Exception ToException(string? constraint) => constraint switch
    {
        PlanRevision => new ConflictException(Domain.Common.RuleCodeAttribute.Of(typeof(Domain.DevelopmentPlans.PlanIsRevisedOnce)), "This plan version already has a newer version: open that one."),
        Configurations.DevelopmentPlanConfiguration.InForceExclusion => new ConflictException(Domain.Common.RuleCodeAttribute.Of(typeof(Domain.DevelopmentPlans.PlanPeriodMustNotOverlapAPlanInForce)), "The account already has an Approved or Active plan for an overlapping period: complete, cancel or revise that one.", "startDate"),
        SurveyTemplateRevision => new ConflictException(Domain.Common.RuleCodeAttribute.Of(typeof(Domain.Surveys.SurveyTemplateIsRevisedOnce)), "This template version already has a newer version: open that one."),
        SlaPolicyNumber => new PreconditionFailedException("The SLA policy was changed by someone else since you read it. Reload it and apply your change again."),
        ComplaintTimelineEntry => new PreconditionFailedException("The complaint was changed by someone else since you read it. Reload it and apply your change again."),
        Configurations.SurveyResponseConfiguration.InvitationIndex => new ConflictException(Domain.Common.RuleCodeAttribute.Of(typeof(Domain.Surveys.SurveyMustNotBeAnsweredTwice)), "This survey has already been answered."),
        Configurations.SurveyInvitationConfiguration.ContactPerCampaignIndex => new ConflictException(Domain.Common.RuleCodeAttribute.Of(typeof(Domain.Surveys.SurveyCampaignTransitionMustBeAllowed)), "The campaign's invitations were written already: it is open."),
        AccountRegistrationNumber => new ConflictException(ProblemCodes.RegistrationNumberTaken, "Another account already has this registration number.", "registrationNumber"),
        ReferenceItemCode => new ConflictException(ProblemCodes.ReferenceCodeTaken, "The list already has this code (codes ignore case).", "code"),
        UserEmail => new ConflictException(ProblemCodes.EmailTaken, "Another user already has this email.", "email"),
        UserDepartmentHead => new ConflictException(ProblemCodes.DepartmentHeadTaken, "This department already has an active head.", "isDepartmentHead"),
        _ => new ConflictException(ProblemCodes.Conflict, "The change conflicts with existing data."),
    };
}

/// <summary>
/// A delete refused because other records still refer to the row answers 409 naming what holds it (by its public
/// name, never a table or constraint); a write that refers to a row deleted meanwhile answers 409 too.
/// </summary>
internal static class ForeignKeys
{
    /// <summary>Referencing tables by the public code of what they hold (a client words it in its language).</summary>
    private static readonly Dictionary<string, string> PublicNames = new(StringComparer.Ordinal)
    {
        ["complaints"] = "complaints",
        ["complaint_timeline"] = "complaints",
        ["interactions"] = "interactions",
        ["contacts"] = "contacts",
        ["accounts"] = "accounts",
        ["account_team_members"] = "account-teams",
        ["tier_assignments"] = "tier-history",
        ["tiering_runs"] = "tiering-runs",
        ["tier_policies"] = "tier-policies",
        ["sla_policies"] = "sla-policies",
        ["revenue_records"] = "revenue",
        ["reminders"] = "reminders",
        ["users"] = "users",
    };

    public static ConflictException ToConflict(PostgresException pg)
    {
        // PostgreSQL reports the referencing table; "update or delete on" is the message of a refused delete.
        var heldBy = pg.TableName is { } table && PublicNames.TryGetValue(table, out var name) ? name : "other-records";
        return pg.MessageText.StartsWith("update or delete", StringComparison.Ordinal)
            ? new ConflictException(ProblemCodes.ResourceInUse, $"It is still referred to by {heldBy.Replace('-', ' ')}; those must go first (or keep it and change its status).") { Args = new Dictionary<string, object?> { ["heldBy"] = heldBy } }
            : new ConflictException(ProblemCodes.Conflict, "The change refers to something that no longer exists; reload and try again.");
    }
}

/// <summary>A transaction this caller began: it commits it, and disposing it uncommitted rolls it back.</summary>
internal sealed class OwnedTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : ITransaction
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}

/// <summary>The caller joined a transaction someone else owns: committing and disposing are the owner's.</summary>
internal sealed class JoinedTransaction : ITransaction
{
    public static readonly JoinedTransaction Instance = new();

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
