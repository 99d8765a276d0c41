using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;

namespace KeyAccount.Domain.Tests.Surveys;

/// <summary>
/// How an invitation follows its mail: queued once, Sent with its reminder's due time, Failed when the gateway gives
/// up, reminded once at the due instant and not a moment before, expired at its campaign's close instant, and no
/// message once the campaign is past its close.
/// </summary>
public class SurveyInvitationMailTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Created = new(2027, 2, 20, 10, 0, 0, Beijing);
    private static readonly DateTimeOffset Opens = new(2027, 3, 1, 9, 0, 0, Beijing);
    private static readonly DateTimeOffset Closes = new(2027, 3, 31, 18, 0, 0, Beijing);
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static SurveyCampaign OpenCampaign(int? reminderAfterDays = 5)
    {
        var campaign = SurveyCampaign.Draft(
            new SurveyCampaignSettings("2027 上半年客户满意度调查", SurveyTemplateId.New(), Audience.Everyone, 3, Opens, Closes, reminderAfterDays, SurveyRecurrence.TwiceYearly, SurveyCampaign.Chinese),
            templatePublished: true, new UserId(Guid.NewGuid()), Created);
        campaign.Open(Opens);
        return campaign;
    }

    private static SurveyInvitation Invitation(SurveyCampaign campaign, SurveyInvitationChannel channel = SurveyInvitationChannel.Email) => SurveyInvitation.Issue(
        campaign.Id, new AccountId(Guid.NewGuid()), new ContactId(Guid.NewGuid()), "wang.fang@customer.test", SurveyCampaign.Chinese, BuyingRole.DecisionMaker,
        channel, SurveyInvitationKind.Regular, Key, Opens);

    [Test]
    public void Issue_StoresTheHashOfTheTokenItsIdAndNonceMake()
    {
        var invitation = Invitation(OpenCampaign());
        var token = InvitationToken.Create(invitation.Id, invitation.TokenNonce, Key).Value;
        Assert.Multiple(() =>
        {
            Assert.That(invitation.TokenHash, Is.EqualTo(InvitationToken.Hash(token)));
            Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Pending));
            Assert.That(invitation.AwaitsMail, Is.True);
        });
    }

    [Test]
    public void QueueMail_Twice_IsRefusedTheSecondTime()
    {
        var invitation = Invitation(OpenCampaign());
        invitation.QueueMail(Opens);
        Assert.Multiple(() =>
        {
            Assert.That(invitation.MailQueuedAt, Is.EqualTo(Opens));
            Assert.That(invitation.AwaitsMail, Is.False);
            Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Pending), "Pending until the gateway sent it");
        });
        Assert.Throws<InvalidOperationException>(() => invitation.QueueMail(Opens.AddMinutes(1)));
    }

    [Test]
    public void QueueMail_WhenThePhoneIsItsChannel_IsRefused()
    {
        var invitation = Invitation(OpenCampaign(), SurveyInvitationChannel.Phone);
        Assert.That(invitation.AwaitsMail, Is.False);
        Assert.Throws<InvalidOperationException>(() => invitation.QueueMail(Opens));
    }

    [Test]
    public void MarkSent_AfterAFailedAttempt_IsSentWithItsReminderDueTheDaysAfter()
    {
        var invitation = Invitation(OpenCampaign());
        invitation.RecordFailedAttempt("SMTP 451: try again later", givenUp: false);
        Assert.That((invitation.Status, invitation.Attempts, invitation.LastError), Is.EqualTo((SurveyInvitationStatus.Pending, 1, "SMTP 451: try again later")));

        var sentAt = Opens.AddMinutes(3);
        invitation.MarkSent(sentAt, reminderAfterDays: 5);
        Assert.Multiple(() =>
        {
            Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Sent));
            Assert.That(invitation.SentAt, Is.EqualTo(sentAt));
            Assert.That(invitation.Attempts, Is.EqualTo(2));
            Assert.That(invitation.LastError, Is.Null);
            Assert.That(invitation.ReminderDueAt, Is.EqualTo(sentAt.AddDays(5)));
        });
    }

    [Test]
    public void MarkSent_WhenTheCampaignRemindsNobody_HasNoReminderDue()
    {
        var invitation = Invitation(OpenCampaign(reminderAfterDays: null));
        invitation.MarkSent(Opens, reminderAfterDays: null);
        Assert.That(invitation.ReminderDueAt, Is.Null);
        Assert.That(invitation.IsDueForReminder(Closes.AddDays(-1)), Is.False);
    }

    [Test]
    public void RecordFailedAttempt_WhenTheGatewayGivesUp_IsFailedWithTheReason_AndTheLongestReasonIsCut()
    {
        var invitation = Invitation(OpenCampaign());
        invitation.RecordFailedAttempt("SMTP 550: " + new string('x', 2000), givenUp: true);
        Assert.Multiple(() =>
        {
            Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Failed));
            Assert.That(invitation.Attempts, Is.EqualTo(1));
            Assert.That(invitation.LastError, Has.Length.EqualTo(SurveyInvitation.LastErrorMaxLength).And.StartWith("SMTP 550"));
        });
    }

    [Test]
    public void MarkSent_WhenTheInvitationExpiredMeanwhile_KeepsItExpired()
    {
        // The campaign closed while its message was in flight: the close is what the invitation says.
        var campaign = OpenCampaign();
        var invitation = Invitation(campaign);
        Assert.That(SurveyInvitation.StatusAfterClose(invitation.Status), Is.EqualTo(SurveyInvitationStatus.Expired));
        typeof(SurveyInvitation).GetProperty(nameof(SurveyInvitation.Status))!.SetValue(invitation, SurveyInvitationStatus.Expired);
        invitation.MarkSent(Closes, reminderAfterDays: 5);
        Assert.Multiple(() =>
        {
            Assert.That(invitation.Status, Is.EqualTo(SurveyInvitationStatus.Expired));
            Assert.That(invitation.SentAt, Is.Null);
            Assert.That(invitation.ReminderDueAt, Is.Null);
        });
    }

    [Test]
    public void Remind_AtTheDueInstant_OnceAndNotAMomentBefore()
    {
        var invitation = Invitation(OpenCampaign());
        var sentAt = new DateTimeOffset(2027, 3, 1, 9, 5, 0, Beijing);
        invitation.MarkSent(sentAt, reminderAfterDays: 5);
        var due = sentAt.AddDays(5);

        Assert.That(invitation.IsDueForReminder(due.AddTicks(-1)), Is.False);
        Assert.Throws<InvalidOperationException>(() => invitation.Remind(due.AddTicks(-1)));
        Assert.That(invitation.IsDueForReminder(due), Is.True);
        invitation.Remind(due);
        Assert.Multiple(() =>
        {
            Assert.That(invitation.RemindedAt, Is.EqualTo(due));
            Assert.That(invitation.ReminderDueAt, Is.Null);
            Assert.That(invitation.IsDueForReminder(due.AddDays(10)), Is.False, "never twice");
        });
        Assert.Throws<InvalidOperationException>(() => invitation.Remind(due.AddDays(1)));
    }

    [TestCase(SurveyInvitationStatus.Pending, SurveyInvitationStatus.Expired)]
    [TestCase(SurveyInvitationStatus.Sent, SurveyInvitationStatus.Expired)]
    [TestCase(SurveyInvitationStatus.Responded, SurveyInvitationStatus.Responded)]
    [TestCase(SurveyInvitationStatus.Failed, SurveyInvitationStatus.Failed)]
    [TestCase(SurveyInvitationStatus.Unsubscribed, SurveyInvitationStatus.Unsubscribed)]
    [TestCase(SurveyInvitationStatus.Expired, SurveyInvitationStatus.Expired)]
    public void StatusAfterClose_ExpiresOnlyTheUnanswered(SurveyInvitationStatus before, SurveyInvitationStatus after) =>
        Assert.That(SurveyInvitation.StatusAfterClose(before), Is.EqualTo(after));

    [Test]
    public void ExpiringStatuses_ArePendingAndSent() =>
        Assert.That(SurveyInvitation.ExpiringStatuses, Is.EquivalentTo(new[] { SurveyInvitationStatus.Pending, SurveyInvitationStatus.Sent }));

    [Test]
    public void TheCloseInstant_IsPastClose_AMomentBeforeIsNot_InBeijingOrUtc()
    {
        var campaign = OpenCampaign();
        var closesUtc = new DateTimeOffset(2027, 3, 31, 10, 0, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(campaign.IsPastClose(closesUtc), Is.True, "18:00 in Beijing is 10:00 UTC");
            Assert.That(campaign.IsDueToClose(Closes), Is.True);
            Assert.That(campaign.IsPastClose(Closes.AddTicks(-1)), Is.False);
            Assert.That(campaign.IsDueToClose(Closes.AddTicks(-1)), Is.False);
        });
    }

    [Test]
    public void MayBeMailed_UntilTheCloseInstant_ThenNothingMore()
    {
        var campaign = OpenCampaign();
        var invitation = Invitation(campaign);
        var reminded = Invitation(campaign);
        reminded.MarkSent(Opens, 5);
        reminded.Remind(Opens.AddDays(5));
        Assert.Multiple(() =>
        {
            Assert.That(invitation.MayBeMailed(SurveyMailPurpose.Invitation, campaign, Closes.AddTicks(-1)), Is.True);
            Assert.That(invitation.MayBeMailed(SurveyMailPurpose.Invitation, campaign, Closes), Is.False);
            Assert.That(invitation.MayBeMailed(SurveyMailPurpose.Reminder, campaign, Opens), Is.False, "a reminder goes only to a Sent, reminded invitation");
            Assert.That(reminded.MayBeMailed(SurveyMailPurpose.Reminder, campaign, Closes.AddTicks(-1)), Is.True);
            Assert.That(reminded.MayBeMailed(SurveyMailPurpose.Reminder, campaign, Closes), Is.False, "no reminder after the close");
            Assert.That(reminded.MayBeMailed(SurveyMailPurpose.Invitation, campaign, Opens), Is.False, "the invitation went already");
        });
    }

    [Test]
    public void IsDueToOpen_AtItsOpeningInstant_WhenScheduled()
    {
        var campaign = SurveyCampaign.Draft(
            new SurveyCampaignSettings("定时调查", SurveyTemplateId.New(), Audience.Everyone, 3, Opens, Closes, 5, SurveyRecurrence.None, SurveyCampaign.English),
            templatePublished: true, null, Created);
        Assert.That(campaign.IsDueToOpen(Opens), Is.False, "a draft is not opened by the job");
        campaign.Schedule(Created);
        Assert.Multiple(() =>
        {
            Assert.That(campaign.IsDueToOpen(Opens.AddTicks(-1)), Is.False);
            Assert.That(campaign.IsDueToOpen(Opens), Is.True);
            Assert.That(campaign.IsDueToOpen(Closes), Is.False, "past its close it is not opened");
        });
    }
}
