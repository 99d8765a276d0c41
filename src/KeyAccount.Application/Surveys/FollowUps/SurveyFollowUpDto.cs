using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.FollowUps;

/// <summary>A follow-up task opened by a detractor's or a low rating's survey response (the closed loop).</summary>
/// <param name="Id">The follow-up.</param>
/// <param name="ResponseId">The response that opened it.</param>
/// <param name="CampaignId">That response's campaign.</param>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="ContactId">The contact who answered.</param>
/// <param name="ContactName" example="王芳">Their name.</param>
/// <param name="OwnerId">The account owner who follows up.</param>
/// <param name="OwnerName" example="李伟">Their name.</param>
/// <param name="Reason">Detractor (an NPS answer of 0–6) or LowRating (a rating of 1–2).</param>
/// <param name="NpsAnswer" example="4">The NPS answer, when the response had one.</param>
/// <param name="Status">Open or Closed.</param>
/// <param name="OpenedAt">When the response came in (UTC): the clock counts from here.</param>
/// <param name="DueAt">When it is due while open (UTC); null once closed.</param>
/// <param name="SlaState">OnTime, AtRisk (80 % of the target used) or Breached (for good once late).</param>
/// <param name="EscalationLevel" example="0">0 none, 1 past its due time, 2 past twice its target.</param>
/// <param name="ClosedAt">When it was closed (UTC).</param>
/// <param name="ClosedBy">Who closed it.</param>
/// <param name="ClosedByName" example="李伟">Their name.</param>
/// <param name="Note" example="已致电客户并安排工程师上门，更换了故障设备。">What was done (required to close).</param>
/// <param name="UpdatedAt">The last change (UTC).</param>
/// <param name="Version">The row version, sent as the ETag.</param>
public sealed record SurveyFollowUpDto(
    SurveyFollowUpId Id,
    SurveyResponseId ResponseId,
    SurveyCampaignId CampaignId,
    AccountId AccountId,
    string AccountName,
    ContactId ContactId,
    string ContactName,
    UserId OwnerId,
    string? OwnerName,
    FollowUpReason Reason,
    int? NpsAnswer,
    FollowUpStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    SlaState SlaState,
    int EscalationLevel,
    DateTimeOffset? ClosedAt,
    UserId? ClosedBy,
    string? ClosedByName,
    string? Note,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore] uint Version = 0);

/// <summary>Reading and loading follow-ups under the caller's account access (another manager's follow-up is a 404).</summary>
public static class FollowUpReading
{
    /// <summary>The follow-ups of <paramref name="source"/> whose accounts the caller may see.</summary>
    public static IQueryable<SurveyFollowUp> VisibleTo(IAppDbContext db, ICurrentUser user, IQueryable<SurveyFollowUp> source)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (AccountAccess.RestrictedTo(user) is null)
        {
            return source;
        }

        var visible = db.VisibleAccounts(user);
        return source.Where(f => visible.Any(a => a.Id == f.AccountId));
    }

    /// <summary>The follow-ups as the client reads them, with the names of their account, contact and people.</summary>
    public static IQueryable<SurveyFollowUpDto> Project(IAppDbContext db, IQueryable<SurveyFollowUp> source)
    {
        ArgumentNullException.ThrowIfNull(db);
        return source.Select(f => new SurveyFollowUpDto(
            f.Id,
            f.ResponseId,
            f.CampaignId,
            f.AccountId,
            db.Accounts.Where(a => a.Id == f.AccountId).Select(a => a.Name).First(),
            f.ContactId,
            db.Accounts.Where(a => a.Id == f.AccountId).SelectMany(a => a.Contacts).Where(c => c.Id == f.ContactId).Select(c => c.Name).First(),
            f.OwnerId,
            db.Users.Where(u => u.Id == f.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            f.Reason,
            f.NpsAnswer,
            f.Status,
            f.OpenedAt,
            f.DueAt,
            f.SlaState,
            f.Clock.EscalationLevel,
            f.ClosedAt,
            f.ClosedBy,
            db.Users.Where(u => u.Id == f.ClosedBy).Select(u => u.DisplayName).FirstOrDefault(),
            f.Note,
            f.UpdatedAt,
            f.Version));
    }

    public static async Task<SurveyFollowUpDto> ReadAsync(IAppDbContext db, ICurrentUser user, SurveyFollowUpId id, CancellationToken cancellationToken) =>
        await Project(db, VisibleTo(db, user, db.SurveyFollowUps.AsNoTracking().Where(f => f.Id == id))).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new EntityNotFoundException("Survey follow-up", id.Value);
}
