namespace KeyAccount.Domain.Surveys;

/// <summary>The two messages an Email invitation receives: the invitation itself and, once, a reminder.</summary>
public enum SurveyMailPurpose
{
    Invitation,
    Reminder,
}

/// <summary>
/// How an invitation follows its mail (design §1.4): queued once, <see cref="SurveyInvitationStatus.Sent"/> when the
/// gateway sent it, <see cref="SurveyInvitationStatus.Failed"/> when the gateway gives up, reminded once
/// <c>ReminderAfterDays</c> after it was sent, and expired when its campaign closes unanswered. The jobs pick
/// candidates by the columns these methods store (<see cref="MailQueuedAt"/>, <see cref="ReminderDueAt"/>); the
/// methods decide.
/// </summary>
public sealed partial class SurveyInvitation
{
    /// <summary>The statuses an invitation leaves for <see cref="SurveyInvitationStatus.Expired"/> when its campaign closes: not answered, not given up.</summary>
    public static IReadOnlyList<SurveyInvitationStatus> ExpiringStatuses { get; } =
        [.. Enum.GetValues<SurveyInvitationStatus>().Where(s => StatusAfterClose(s) != s)];

    /// <summary>
    /// A new email invitation, as opening a campaign issues one for each contact of its audience: a new id, a new random
    /// nonce, and the hash of the token they make under <paramref name="tokenKey"/> (<see cref="InvitationToken"/>).
    /// </summary>
    public static SurveyInvitation Issue(
        SurveyCampaignId campaignId, Accounts.AccountId accountId, Accounts.ContactId contactId, string email, string language, Accounts.BuyingRole buyingRole,
        SurveyInvitationChannel channel, SurveyInvitationKind kind, ReadOnlySpan<byte> tokenKey, DateTimeOffset now)
    {
        var id = SurveyInvitationId.New();
        var nonce = InvitationToken.NewNonce();
        return new SurveyInvitation
        {
            Id = id,
            CampaignId = campaignId,
            AccountId = accountId,
            ContactId = contactId,
            Email = email,
            Language = SurveyCampaign.IsValidLanguage(language) ? language : SurveyCampaign.Chinese,
            BuyingRole = buyingRole,
            TokenNonce = nonce,
            TokenHash = InvitationToken.Hash(InvitationToken.Create(id, nonce, tokenKey).Value),
            Status = SurveyInvitationStatus.Pending,
            Channel = channel,
            Kind = kind,
            CreatedAt = now,
        };
    }

    /// <summary>When its invitation message was queued (null: not yet); it is queued once.</summary>
    public DateTimeOffset? MailQueuedAt { get; private set; }

    /// <summary>When its reminder falls due (set when it is sent, if the campaign reminds; cleared once reminded or expired).</summary>
    public DateTimeOffset? ReminderDueAt { get; private set; }

    /// <summary>Whether its invitation message is still to be queued: an Email invitation, Pending, not queued yet.</summary>
    public bool AwaitsMail => Channel == SurveyInvitationChannel.Email && Status == SurveyInvitationStatus.Pending && MailQueuedAt is null;

    /// <summary>What an invitation becomes when its campaign closes: Pending and Sent expire; Responded, Failed, Unsubscribed stay.</summary>
    public static SurveyInvitationStatus StatusAfterClose(SurveyInvitationStatus status) =>
        status is SurveyInvitationStatus.Pending or SurveyInvitationStatus.Sent ? SurveyInvitationStatus.Expired : status;

    /// <summary>Records that its invitation message was queued (once, while <see cref="AwaitsMail"/>).</summary>
    public void QueueMail(DateTimeOffset now)
    {
        if (!AwaitsMail)
        {
            throw new InvalidOperationException($"Invitation {Id} does not await its mail ({Channel}, {Status}, queued {MailQueuedAt:O}).");
        }

        MailQueuedAt = now;
    }

    /// <summary>
    /// Whether a message for <paramref name="purpose"/> may still go out at <paramref name="now"/>, checked when it is
    /// sent (it may have been queued before the campaign closed or the contact answered): the campaign is open and
    /// before its close, and the invitation still Pending (the invitation) or Sent and reminded (the reminder).
    /// </summary>
    public bool MayBeMailed(SurveyMailPurpose purpose, SurveyCampaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Id != CampaignId || campaign.Status != SurveyCampaignStatus.Open || campaign.IsPastClose(now))
        {
            return false;
        }

        return purpose == SurveyMailPurpose.Invitation
            ? Status == SurveyInvitationStatus.Pending
            : Status == SurveyInvitationStatus.Sent && RemindedAt is not null;
    }

    /// <summary>
    /// The gateway sent its invitation message: Pending (or Failed, sent again) → Sent at <paramref name="at"/>, and the
    /// reminder falls due <paramref name="reminderAfterDays"/> later (none when null). An invitation that moved on
    /// meanwhile (its campaign closed while the message was in flight) keeps its status; the attempt is counted.
    /// </summary>
    public void MarkSent(DateTimeOffset at, int? reminderAfterDays)
    {
        Attempts++;
        LastError = null;
        if (Status is not (SurveyInvitationStatus.Pending or SurveyInvitationStatus.Failed))
        {
            return;
        }

        Status = SurveyInvitationStatus.Sent;
        SentAt = at;
        ReminderDueAt = reminderAfterDays is { } days ? at.AddDays(days) : null;
    }

    /// <summary>
    /// A sending attempt of its invitation message failed (<paramref name="error"/>, without the message's content): it is
    /// counted, and when the gateway gives up (<paramref name="givenUp"/>) a Pending invitation becomes Failed.
    /// </summary>
    public void RecordFailedAttempt(string error, bool givenUp)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LastError = error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;
        if (givenUp && Status == SurveyInvitationStatus.Pending)
        {
            Status = SurveyInvitationStatus.Failed;
            ReminderDueAt = null;
        }
    }

    /// <summary>Its reminder could not be delivered: the reason is kept; the invitation stays Sent (it was delivered once).</summary>
    public void RecordReminderFailure(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        LastError = error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;
    }

    /// <summary>Whether its one reminder is due at <paramref name="now"/>: Sent, unanswered, not reminded, and the due time has come.</summary>
    public bool IsDueForReminder(DateTimeOffset now) =>
        Status == SurveyInvitationStatus.Sent && RemindedAt is null && ReminderDueAt is { } due && due <= now;

    /// <summary>Records its reminder as queued at <paramref name="now"/> (once: it is never due again).</summary>
    public void Remind(DateTimeOffset now)
    {
        if (!IsDueForReminder(now))
        {
            throw new InvalidOperationException($"Invitation {Id} is not due for a reminder ({Status}, due {ReminderDueAt:O}, reminded {RemindedAt:O}).");
        }

        RemindedAt = now;
        ReminderDueAt = null;
    }

    /// <summary>The longest error kept (the column's length).</summary>
    public const int LastErrorMaxLength = 1000;
}
