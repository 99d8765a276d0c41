using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.Common;

public static class CampaignLoading
{
    /// <summary>In <c>allowedActions</c> while the campaign's settings may be changed (PUT).</summary>
    public const string Edit = "edit";

    /// <summary>The campaign, when it exists (404 otherwise), checked against the client's If-Match when given.</summary>
    public static async Task<SurveyCampaign> LoadCampaignAsync(this IAppDbContext db, SurveyCampaignId id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.SurveyCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Survey campaign", id.Value);
        if (expectedVersion is { } version)
        {
            db.ExpectVersion(campaign, version);
        }

        return campaign;
    }

    /// <summary>The campaign row locked for the transaction (a step that writes once: opening), checked against If-Match.</summary>
    public static async Task<SurveyCampaign> LoadCampaignForUpdateAsync(this IAppDbContext db, SurveyCampaignId id, uint expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.FindSurveyCampaignForUpdateAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Survey campaign", id.Value);
        db.ExpectVersion(campaign, expectedVersion);
        return campaign;
    }

    /// <summary>The one save of a change, then the campaign as the client reads it.</summary>
    public static async Task<SurveyCampaignDto> SaveAndReadAsync(this IAppDbContext db, SurveyCampaign campaign, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await db.ToDtoAsync(campaign, user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The invitations of the campaign the caller may see (an AccountManager: of their accounts).</summary>
    public static IQueryable<SurveyInvitation> VisibleInvitations(this IAppDbContext db, SurveyCampaignId id, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == id);
        if (AccountAccess.RestrictedTo(user) is not null)
        {
            var visible = db.VisibleAccounts(user);
            invitations = invitations.Where(i => visible.Any(a => a.Id == i.AccountId));
        }

        return invitations;
    }

    /// <summary>The skips of the campaign the caller may see (an AccountManager: of their accounts).</summary>
    public static IQueryable<SurveySkip> VisibleSkips(this IAppDbContext db, SurveyCampaignId id, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var skips = db.SurveySkips.AsNoTracking().Where(s => s.CampaignId == id);
        if (AccountAccess.RestrictedTo(user) is not null)
        {
            var visible = db.VisibleAccounts(user);
            skips = skips.Where(s => visible.Any(a => a.Id == s.AccountId));
        }

        return skips;
    }

    public static async Task<SurveyCampaignDto> ToDtoAsync(this IAppDbContext db, SurveyCampaign campaign, ICurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaign);
        var byStatus = campaign.InvitedCount is null
            ? []
            : await db.VisibleInvitations(campaign.Id, user).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        int Count(SurveyInvitationStatus status) => byStatus.TryGetValue(status, out var n) ? n : 0;
        IEnumerable<string> actions = campaign.AllowedActions.Select(ActionName);
        if (SurveyCampaignWorkflow.IsEditable(campaign.Status))
        {
            actions = actions.Prepend(Edit);
        }

        return new SurveyCampaignDto
        {
            Id = campaign.Id,
            Name = campaign.Name,
            TemplateId = campaign.TemplateId,
            Audience = AudienceDto.From(campaign.Audience),
            PerAccountCap = campaign.PerAccountCap,
            OpensAt = campaign.OpensAt,
            ClosesAt = campaign.ClosesAt,
            ReminderAfterDays = campaign.ReminderAfterDays,
            Recurrence = campaign.Recurrence,
            DefaultLanguage = campaign.DefaultLanguage,
            Status = campaign.Status,
            OpenedAt = campaign.OpenedAt,
            ClosedAt = campaign.ClosedAt,
            InvitedCount = campaign.InvitedCount,
            SkippedCount = campaign.SkippedCount,
            Invitations = new InvitationCountsDto(
                Count(SurveyInvitationStatus.Pending), Count(SurveyInvitationStatus.Sent), Count(SurveyInvitationStatus.Responded),
                Count(SurveyInvitationStatus.Expired), Count(SurveyInvitationStatus.Failed), Count(SurveyInvitationStatus.Unsubscribed)),
            PreviousCampaignId = campaign.PreviousCampaignId,
            AllowedActions = [.. actions],
            CreatedBy = campaign.CreatedBy,
            CreatedAt = campaign.CreatedAt,
            UpdatedAt = campaign.UpdatedAt,
            Version = campaign.Version,
        };
    }

    /// <summary>An action as its path segment and in <c>allowedActions</c>: schedule, open, close.</summary>
    public static string ActionName(SurveyCampaignAction action) => action.ToString().ToLowerInvariant();

    /// <summary>Explicit accounts that do not exist are a 400 on <c>audience.accountIds</c> (the campaign would silently ask fewer).</summary>
    public static async Task CheckAccountsExistAsync(this IAppDbContext db, Audience audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audience);

        // Industries, regions and segments are codes of the managed lists (deactivated entries still select the
        // accounts that carry them).
        await ReferenceData.Common.ReferenceCodes.EnsureKnownAsync(db, Domain.ReferenceData.ReferenceKind.Industry, audience.Industries, "audience.industries", cancellationToken).ConfigureAwait(false);
        await ReferenceData.Common.ReferenceCodes.EnsureKnownAsync(db, Domain.ReferenceData.ReferenceKind.Region, audience.Regions, "audience.regions", cancellationToken).ConfigureAwait(false);
        await ReferenceData.Common.ReferenceCodes.EnsureKnownAsync(db, Domain.ReferenceData.ReferenceKind.Segment, audience.Segments, "audience.segments", cancellationToken).ConfigureAwait(false);
        if (audience.AccountIds.Count == 0)
        {
            return;
        }

        var ids = audience.AccountIds.Distinct().ToList();
        var found = await db.Accounts.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = ids.Except(found).ToList();
        if (missing.Count > 0)
        {
            throw RequestValidationException.For(
                "audience.accountIds",
                FieldErrorCodes.UnknownReference,
                $"Unknown account: {string.Join(", ", missing)}.",
                new Dictionary<string, object?> { ["missing"] = missing.Select(m => m.Value).ToArray() });
        }
    }
}
