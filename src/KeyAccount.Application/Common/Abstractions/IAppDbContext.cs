using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Common.Abstractions;

/// <summary>The persistence port: handlers use the sets directly (no generic repositories).</summary>
public interface IAppDbContext
{
    DbSet<Account> Accounts { get; }

    /// <summary>Who is on each account (owner or team member): the home of "what an AccountManager sees", read through <see cref="Security.AccountAccess"/>.</summary>
    IQueryable<Security.AccountViewer> AccountViewers { get; }

    DbSet<Interaction> Interactions { get; }

    DbSet<RevenueRecord> RevenueRecords { get; }

    DbSet<User> Users { get; }

    /// <summary>Set-password links, by the SHA-256 of their token.</summary>
    DbSet<SetPasswordToken> SetPasswordTokens { get; }

    DbSet<Reminder> Reminders { get; }

    DbSet<TierPolicy> TierPolicies { get; }

    DbSet<TieringRun> TieringRuns { get; }

    DbSet<TierAssignment> TierAssignments { get; }

    DbSet<Domain.Complaints.Complaint> Complaints { get; }

    /// <summary>Complaint timelines, read on their own: a complaint appends entries without loading its timeline.</summary>
    DbSet<Domain.Complaints.ComplaintTimelineEntry> ComplaintTimeline { get; }

    DbSet<Domain.Complaints.SlaPolicy> SlaPolicies { get; }

    DbSet<Domain.Webhooks.WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<Domain.Webhooks.WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>The audit trail, written by the save itself (never by handlers).</summary>
    DbSet<Domain.Audit.AuditEntry> AuditEntries { get; }

    DbSet<Domain.ApiClients.ApiClient> ApiClients { get; }

    DbSet<Domain.DevelopmentPlans.DevelopmentPlan> DevelopmentPlans { get; }

    DbSet<Domain.DevelopmentPlans.PlanReview> PlanReviews { get; }

    /// <summary>Plan histories, read on their own: a plan appends lines without loading its history.</summary>
    DbSet<Domain.DevelopmentPlans.PlanHistoryEntry> PlanHistory { get; }

    /// <summary>The survey follow-ups (closed loop of detractors and low ratings).</summary>
    DbSet<Domain.Surveys.SurveyFollowUp> SurveyFollowUps { get; }

    DbSet<Domain.Surveys.SurveyCampaign> SurveyCampaigns { get; }

    /// <summary>Invitations, written set-based when a campaign opens.</summary>
    DbSet<Domain.Surveys.SurveyInvitation> SurveyInvitations { get; }

    /// <summary>The contacts each campaign left out when it opened, with the reason.</summary>
    DbSet<Domain.Surveys.SurveySkip> SurveySkips { get; }

    /// <summary>The campaign with this id, its row locked until the transaction ends (opening writes its invitations once).</summary>
    Task<Domain.Surveys.SurveyCampaign?> FindSurveyCampaignForUpdateAsync(Domain.Surveys.SurveyCampaignId id, CancellationToken cancellationToken);

    /// <summary>Satisfaction-survey templates, every version.</summary>
    DbSet<Domain.Surveys.SurveyTemplate> SurveyTemplates { get; }

    DbSet<Domain.Surveys.SurveyResponse> SurveyResponses { get; }

    /// <summary>The managed lists (industries, regions, segments) whose codes accounts store.</summary>
    DbSet<Domain.ReferenceData.ReferenceItem> ReferenceItems { get; }

    /// <summary>The user with this (normalised) email, its row locked until the transaction ends (sign-in bookkeeping).</summary>
    Task<User?> FindUserForSignInAsync(string email, CancellationToken cancellationToken);

    /// <summary>The set-password link with this token hash, its row locked until the transaction ends (a link is used once).</summary>
    Task<SetPasswordToken?> FindSetPasswordTokenForUseAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>The next complaint reference number.</summary>
    Task<long> NextComplaintNumberAsync(CancellationToken cancellationToken);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops tracking everything loaded so far (a batch job's next batch starts with an empty unit of work).</summary>
    void ClearTracked();

    /// <summary>Whether a transaction is open on this unit of work (the request's own, or one a step above began).</summary>
    bool InTransaction { get; }

    /// <summary>After the database could not be reached: forgets everything loaded and the connection, so the work can start again.</summary>
    void ResetAfterFailure();

    /// <summary>Runs <paramref name="work"/> (set-based statements and saves) in one transaction: all of it or none.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction, or joins the one already open (the request's): only the transaction's owner commits,
    /// and disposing an uncommitted owned transaction rolls it back.
    /// </summary>
    Task<ITransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the next save of <paramref name="aggregate"/> succeed only if the stored version is still
    /// <paramref name="expectedVersion"/> (the client's If-Match); otherwise the save fails with a concurrency conflict.
    /// </summary>
    void ExpectVersion(Domain.Common.AggregateRoot aggregate, uint expectedVersion);
}

/// <summary>A unit of work: commit it, or dispose it to roll back (a joined transaction leaves both to its owner).</summary>
public interface ITransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
