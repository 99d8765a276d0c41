using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Surveys;

/// <summary>What a campaign is set up with (create and edit of a draft).</summary>
public sealed record SurveyCampaignSettings(
    string Name,
    SurveyTemplateId TemplateId,
    Audience Audience,
    int PerAccountCap,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int? ReminderAfterDays,
    SurveyRecurrence Recurrence,
    string DefaultLanguage);

/// <summary>
/// A satisfaction survey campaign (design §1.4): a Published template version asked of an <see cref="Audience"/>
/// between two instants, moved by <see cref="SurveyCampaignWorkflow"/>'s table. Opening writes the invitations and
/// skips set-based in SQL (the audience and fatigue rules' home) and stores their counts here.
/// </summary>
public sealed class SurveyCampaign : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int MinPerAccountCap = 1;
    public const int MaxPerAccountCap = 50;
    public const int DefaultPerAccountCap = 3;
    public const int MinReminderAfterDays = 1;
    public const int MaxReminderAfterDays = 30;
    public const int DefaultReminderAfterDays = 5;

    /// <summary>A twice-yearly campaign's next one opens (and closes) this many months later.</summary>
    public const int RecurrenceMonths = 6;

    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The languages of an invitation.</summary>
    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    private SurveyCampaign()
    {
    }

    public SurveyCampaignId Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The template version asked (a Published one when chosen; it may be retired later and is still used).</summary>
    public SurveyTemplateId TemplateId { get; private set; }

    public Audience Audience { get; private set; } = Audience.Everyone;

    /// <summary>At most this many contacts of one account are invited (picked by <see cref="Audience.BuyingRolePriority"/>).</summary>
    public int PerAccountCap { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Days after sending when non-respondents are reminded once; null: no reminder.</summary>
    public int? ReminderAfterDays { get; private set; }

    public SurveyRecurrence Recurrence { get; private set; }

    /// <summary><see cref="Chinese"/> or <see cref="English"/>: the invitations' language.</summary>
    public string DefaultLanguage { get; private set; } = Chinese;

    public SurveyCampaignStatus Status { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Invitations written when it opened (null before).</summary>
    public int? InvitedCount { get; private set; }

    /// <summary>Contacts of the audience left out when it opened, with a reason each (null before).</summary>
    public int? SkippedCount { get; private set; }

    /// <summary>The campaign this one was made from by recurrence, if any.</summary>
    public SurveyCampaignId? PreviousCampaignId { get; private set; }

    /// <summary>Who created it; null for an API client (or a recurrence copy).</summary>
    public UserId? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The actions <see cref="SurveyCampaignWorkflow"/> allows now.</summary>
    public IReadOnlyList<SurveyCampaignAction> AllowedActions => SurveyCampaignWorkflow.AllowedActions(Status);

    /// <summary>The dates rule, the one home of it: a campaign closes strictly after it opens (the API's validator and the aggregate read this).</summary>
    public static bool ClosesAfterOpens(DateTimeOffset opensAt, DateTimeOffset closesAt) => closesAt > opensAt;

    /// <summary>
    /// The close instant, the one home of it: at <c>ClosesAt</c> a campaign is past its close (no scheduling, opening or
    /// mail from then on; the campaign job closes it); a moment before it is not.
    /// </summary>
    public static bool IsPastClose(DateTimeOffset closesAt, DateTimeOffset now) => closesAt <= now;

    /// <summary>Whether this campaign is past its close at <paramref name="now"/> (<see cref="IsPastClose(DateTimeOffset, DateTimeOffset)"/>).</summary>
    public bool IsPastClose(DateTimeOffset now) => IsPastClose(ClosesAt, now);

    /// <summary>Whether the campaign job opens this campaign at <paramref name="now"/>: Scheduled, its opening time come, not past its close.</summary>
    public bool IsDueToOpen(DateTimeOffset now) => Status == SurveyCampaignStatus.Scheduled && OpensAt <= now && !IsPastClose(now);

    /// <summary>Whether the campaign job closes this campaign at <paramref name="now"/>: Open and past its close.</summary>
    public bool IsDueToClose(DateTimeOffset now) => Status == SurveyCampaignStatus.Open && IsPastClose(now);

    /// <summary>The per-account cap's range.</summary>
    public static bool IsValidCap(int cap) => cap is >= MinPerAccountCap and <= MaxPerAccountCap;

    /// <summary>The reminder delay's range (null: no reminder).</summary>
    public static bool IsValidReminder(int? days) => days is null or (>= MinReminderAfterDays and <= MaxReminderAfterDays);

    public static bool IsValidLanguage(string? language) => language is not null && Languages.Contains(language, StringComparer.Ordinal);

    /// <summary>A new campaign, as a draft, with a Published template (<paramref name="templatePublished"/>: what the template catalogue says).</summary>
    public static SurveyCampaign Draft(SurveyCampaignSettings settings, bool templatePublished, UserId? createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var campaign = new SurveyCampaign
        {
            Id = SurveyCampaignId.New(),
            Status = SurveyCampaignStatus.Draft,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
        campaign.Apply(settings, templatePublished, now);
        return campaign;
    }

    /// <summary>Replaces a draft's settings (the template must be Published when it changes: <paramref name="templatePublished"/>).</summary>
    public void Edit(SurveyCampaignSettings settings, bool templatePublished, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckRule(new SurveyCampaignMustBeEditable(Status));
        Apply(settings, templatePublished || settings.TemplateId == TemplateId, now);
    }

    /// <summary>Draft → Scheduled: a job opens it at <see cref="OpensAt"/>.</summary>
    public void Schedule(DateTimeOffset now)
    {
        CheckRule(new SurveyCampaignTransitionMustBeAllowed(Status, SurveyCampaignAction.Schedule));
        CheckRule(new SurveyCampaignMustNotBePastItsClose(ClosesAt, now));
        Move(SurveyCampaignAction.Schedule, now);
    }

    /// <summary>
    /// Draft or Scheduled → Open, now. The caller writes the invitations and skips in the same transaction and then
    /// records their counts with <see cref="RecordAudience"/>.
    /// </summary>
    public void Open(DateTimeOffset now)
    {
        CheckRule(new SurveyCampaignTransitionMustBeAllowed(Status, SurveyCampaignAction.Open));
        CheckRule(new SurveyCampaignMustNotBePastItsClose(ClosesAt, now));
        Move(SurveyCampaignAction.Open, now);
        OpenedAt = now;
    }

    /// <summary>The counts of what opening wrote (once, right after <see cref="Open"/>).</summary>
    public void RecordAudience(int invited, int skipped)
    {
        if (Status != SurveyCampaignStatus.Open || InvitedCount is not null)
        {
            throw new InvalidOperationException("The audience's counts are recorded once, when the campaign opens.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(invited);
        ArgumentOutOfRangeException.ThrowIfNegative(skipped);
        InvitedCount = invited;
        SkippedCount = skipped;
    }

    /// <summary>Open → Closed. A twice-yearly campaign returns its next one (a Scheduled copy six months later), else null.</summary>
    public SurveyCampaign? Close(DateTimeOffset now, bool templateStillPublished)
    {
        Move(SurveyCampaignAction.Close, now);
        ClosedAt = now;
        if (Recurrence != SurveyRecurrence.TwiceYearly || !templateStillPublished)
        {
            return null;
        }

        return new SurveyCampaign
        {
            Id = SurveyCampaignId.New(),
            Name = Name,
            TemplateId = TemplateId,
            Audience = Audience,
            PerAccountCap = PerAccountCap,
            OpensAt = OpensAt.AddMonths(RecurrenceMonths),
            ClosesAt = ClosesAt.AddMonths(RecurrenceMonths),
            ReminderAfterDays = ReminderAfterDays,
            Recurrence = Recurrence,
            DefaultLanguage = DefaultLanguage,
            Status = SurveyCampaignStatus.Scheduled,
            PreviousCampaignId = Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private void Move(SurveyCampaignAction action, DateTimeOffset now)
    {
        CheckRule(new SurveyCampaignTransitionMustBeAllowed(Status, action));
        Status = SurveyCampaignWorkflow.TargetOf(action);
        UpdatedAt = now;
    }

    private void Apply(SurveyCampaignSettings s, bool templatePublished, DateTimeOffset now)
    {
        var name = s.Name?.Trim() ?? string.Empty;
        CheckRule(new SurveyCampaignSettingsMustBeInRange("name", name.Length is > 0 and <= NameMaxLength, $"A campaign's name is 1 to {NameMaxLength} characters."));
        CheckRule(new SurveyCampaignSettingsMustBeInRange("perAccountCap", IsValidCap(s.PerAccountCap), $"The per-account cap is {MinPerAccountCap} to {MaxPerAccountCap}."));
        CheckRule(new SurveyCampaignSettingsMustBeInRange("reminderAfterDays", IsValidReminder(s.ReminderAfterDays), $"A reminder comes {MinReminderAfterDays} to {MaxReminderAfterDays} days after sending."));
        CheckRule(new SurveyCampaignSettingsMustBeInRange("defaultLanguage", IsValidLanguage(s.DefaultLanguage), "The language is zh-CN or en."));
        CheckRule(new SurveyCampaignMustCloseAfterItOpens(s.OpensAt, s.ClosesAt));
        CheckRule(new SurveyCampaignTemplateMustBePublished(s.TemplateId, templatePublished));
        Name = name;
        TemplateId = s.TemplateId;
        Audience = (s.Audience ?? Audience.Everyone).Normalized();
        PerAccountCap = s.PerAccountCap;
        OpensAt = s.OpensAt;
        ClosesAt = s.ClosesAt;
        ReminderAfterDays = s.ReminderAfterDays;
        Recurrence = s.Recurrence;
        DefaultLanguage = s.DefaultLanguage;
        UpdatedAt = now;
    }
}
