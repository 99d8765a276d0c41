using System.Text.Json.Serialization;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Application.Surveys.Common;

/// <summary>Who a campaign asks (empty lists mean "any").</summary>
/// <param name="Tiers">Account tiers.</param>
/// <param name="Segments">Account segments.</param>
/// <param name="Industries">Account industries.</param>
/// <param name="Regions">Account regions.</param>
/// <param name="AccountIds">Accounts named explicitly (added to the filtered ones).</param>
/// <param name="BuyingRoles">Contacts' buying roles.</param>
public sealed record AudienceDto(
    IReadOnlyList<Tier> Tiers,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<AccountId> AccountIds,
    IReadOnlyList<BuyingRole> BuyingRoles)
{
    public static AudienceDto From(Audience a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Tiers, a.Segments, a.Industries, a.Regions, a.AccountIds, a.BuyingRoles);
    }
}

/// <summary>A campaign's invitations by status (of the accounts you may see).</summary>
/// <param name="Pending" example="80">Not sent yet.</param>
/// <param name="Sent" example="30">Sent, not answered.</param>
/// <param name="Responded" example="7">Answered.</param>
/// <param name="Expired" example="0">Not answered before the campaign closed.</param>
/// <param name="Failed" example="0">Sending failed for good.</param>
/// <param name="Unsubscribed" example="0">The contact unsubscribed through it.</param>
public sealed record InvitationCountsDto(int Pending, int Sent, int Responded, int Expired, int Failed, int Unsubscribed);

/// <summary>A survey campaign: its settings, where it stands, the steps allowed now, and its invitations by status.</summary>
public sealed record SurveyCampaignDto
{
    /// <summary>The campaign.</summary>
    public required SurveyCampaignId Id { get; init; }

    /// <summary>What the campaign is called.</summary>
    /// <example>2027 上半年客户满意度调查</example>
    public required string Name { get; init; }

    /// <summary>The template version asked.</summary>
    public required SurveyTemplateId TemplateId { get; init; }

    /// <summary>Who it asks.</summary>
    public required AudienceDto Audience { get; init; }

    /// <summary>At most this many contacts per account (1–50).</summary>
    /// <example>3</example>
    public required int PerAccountCap { get; init; }

    /// <summary>When it opens (UTC).</summary>
    /// <example>2027-03-01T01:00:00+00:00</example>
    public required DateTimeOffset OpensAt { get; init; }

    /// <summary>When it closes (UTC).</summary>
    /// <example>2027-03-31T10:00:00+00:00</example>
    public required DateTimeOffset ClosesAt { get; init; }

    /// <summary>Days after sending when non-respondents are reminded; null: no reminder.</summary>
    /// <example>5</example>
    public int? ReminderAfterDays { get; init; }

    /// <summary>Whether it repeats (TwiceYearly: the next one is scheduled six months later when it closes).</summary>
    public required SurveyRecurrence Recurrence { get; init; }

    /// <summary>`zh-CN` or `en`.</summary>
    /// <example>zh-CN</example>
    public required string DefaultLanguage { get; init; }

    /// <summary>Where it stands.</summary>
    public required SurveyCampaignStatus Status { get; init; }

    /// <summary>When it was opened (null before).</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>When it was closed (null before).</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Invitations written when it opened (null before).</summary>
    /// <example>117</example>
    public int? InvitedCount { get; init; }

    /// <summary>Contacts left out when it opened (null before); see the skips list for who and why.</summary>
    /// <example>23</example>
    public int? SkippedCount { get; init; }

    /// <summary>The invitations by status now (of the accounts you may see).</summary>
    public required InvitationCountsDto Invitations { get; init; }

    /// <summary>The campaign this one was scheduled from by recurrence, if any.</summary>
    public SurveyCampaignId? PreviousCampaignId { get; init; }

    /// <summary>What you may do now: `edit` (a Draft), `schedule`, `open`, `close` — each a POST to `/{id}/{action}` (edit: PUT).</summary>
    /// <example>["edit", "schedule", "open"]</example>
    public required IReadOnlyList<string> AllowedActions { get; init; }

    /// <summary>Who created it (null: an API client, or a recurrence).</summary>
    public UserId? CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its last change.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public uint Version { get; init; }
}

/// <summary>A campaign in the list.</summary>
/// <param name="Id">The campaign.</param>
/// <param name="Name" example="2027 上半年客户满意度调查">Its name.</param>
/// <param name="TemplateId">The template version asked.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OpensAt">When it opens.</param>
/// <param name="ClosesAt">When it closes.</param>
/// <param name="Recurrence">Whether it repeats.</param>
/// <param name="InvitedCount" example="117">Invitations written when it opened (null before).</param>
/// <param name="SkippedCount" example="23">Contacts left out when it opened (null before).</param>
/// <param name="UpdatedAt">Its last change.</param>
public sealed record SurveyCampaignSummaryDto(
    SurveyCampaignId Id,
    string Name,
    SurveyTemplateId TemplateId,
    SurveyCampaignStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    SurveyRecurrence Recurrence,
    int? InvitedCount,
    int? SkippedCount,
    DateTimeOffset UpdatedAt);

/// <summary>One invitation of a campaign (the token is never shown: only its hash is stored).</summary>
/// <param name="Id">The invitation.</param>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">The account's name.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="ContactName" example="王芳">The contact's name.</param>
/// <param name="Email" example="wang.fang@example.cn">Where it goes (as when the campaign opened).</param>
/// <param name="Language" example="zh-CN">`zh-CN` or `en`.</param>
/// <param name="BuyingRole">The contact's buying role when the campaign opened.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Channel">Email, or Phone when an agent recorded the answers.</param>
/// <param name="Kind">Regular, or FollowUp (exempt from the fatigue rules).</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="RemindedAt">When the reminder was sent.</param>
/// <param name="RespondedAt">When it was answered.</param>
/// <param name="Attempts" example="1">Sending attempts.</param>
/// <param name="LastError">The last sending error.</param>
/// <param name="CreatedAt">When it was written (the campaign's opening).</param>
public sealed record SurveyInvitationDto(
    SurveyInvitationId Id,
    AccountId AccountId,
    string AccountName,
    ContactId ContactId,
    string ContactName,
    string Email,
    string Language,
    BuyingRole BuyingRole,
    SurveyInvitationStatus Status,
    SurveyInvitationChannel Channel,
    SurveyInvitationKind Kind,
    DateTimeOffset? SentAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? RespondedAt,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt);

/// <summary>A contact of the audience left out when the campaign opened.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">The account's name.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="ContactName" example="李强">The contact's name.</param>
/// <param name="Reason">Why.</param>
/// <param name="CreatedAt">When (the campaign's opening).</param>
public sealed record SurveySkipDto(AccountId AccountId, string AccountName, ContactId ContactId, string ContactName, SkipReason Reason, DateTimeOffset CreatedAt);
