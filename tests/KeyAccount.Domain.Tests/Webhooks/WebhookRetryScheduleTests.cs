using KeyAccount.Domain.Common;
using KeyAccount.Domain.Webhooks;

namespace KeyAccount.Domain.Tests.Webhooks;

/// <summary>The retry schedule at its edges: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, ±20 %, Retry-After, dead after eight.</summary>
public class WebhookRetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8));

    [TestCase(1, 5)]
    [TestCase(2, 5 * 60)]
    [TestCase(3, 30 * 60)]
    [TestCase(4, 2 * 3600)]
    [TestCase(5, 5 * 3600)]
    [TestCase(6, 10 * 3600)]
    [TestCase(7, 10 * 3600)]
    public void NextAttemptAfterFailure_WithoutJitter_FollowsTheSchedule(int attemptsMade, int seconds) =>
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(attemptsMade, Now, null, random: 0.5), Is.EqualTo(Now.AddSeconds(seconds)));

    [Test]
    public void NextAttemptAfterFailure_JitterStaysWithinTwentyPercent()
    {
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(2, Now, null, random: 0), Is.EqualTo(Now.AddSeconds(240)));
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(2, Now, null, random: 0.999999), Is.EqualTo(Now.AddSeconds(360)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void NextAttemptAfterFailure_AfterTheEighthAttempt_IsDead()
    {
        Assert.That(WebhookRetrySchedule.MaxAttempts, Is.EqualTo(8));
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(8, Now, null, 0.5), Is.Null);
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(8, Now, TimeSpan.FromSeconds(1), 0.5), Is.Null);
    }

    [Test]
    public void NextAttemptAfterFailure_RetryAfter_IsHonouredWhenLonger_AndCappedAtADay()
    {
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(1, Now, TimeSpan.FromMinutes(2), 0.5), Is.EqualTo(Now.AddMinutes(2)));
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(2, Now, TimeSpan.FromSeconds(10), 0.5), Is.EqualTo(Now.AddMinutes(5)), "a shorter wish does not hurry the schedule");
        Assert.That(WebhookRetrySchedule.NextAttemptAfterFailure(1, Now, TimeSpan.FromDays(30), 0.5), Is.EqualTo(Now.AddDays(1)));
    }
}

public class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.FromHours(8));

    private static WebhookEndpoint Endpoint() => WebhookEndpoint.Create(new Uri("https://erp.example.cn/hooks/keyaccount"), ["complaint.filed", "account.tier_changed", "complaint.filed"], "  ERP 集成 ", Now);

    [Test]
    public void Create_GivesAStandardWebhooksSecret_DistinctSortedTypes_AndATrimmedDescription()
    {
        var endpoint = Endpoint();
        Assert.That(endpoint.Secret, Does.StartWith("whsec_"));
        Assert.That(WebhookSecret.KeyOf(endpoint.Secret), Has.Length.EqualTo(32));
        Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { "account.tier_changed", "complaint.filed" }));
        Assert.That(endpoint.Description, Is.EqualTo("ERP 集成"));
        Assert.That(endpoint.IsEnabled, Is.True);
    }

    [Test]
    public void RotateSecret_SignsWithBothFor24Hours_ThenOnlyTheNewOne()
    {
        var endpoint = Endpoint();
        var old = endpoint.Secret;
        var fresh = endpoint.RotateSecret(Now);
        Assert.That(fresh, Is.Not.EqualTo(old));
        Assert.That(endpoint.SigningSecrets(Now.AddHours(23).AddMinutes(59)), Is.EqualTo(new[] { fresh, old }));
        Assert.That(endpoint.SigningSecrets(Now.AddHours(24)), Is.EqualTo(new[] { fresh }));
    }

    [Test]
    public void RecordFailed_ForFiveDaysWithoutSuccess_DisablesTheEndpoint_ASuccessResetsTheClock()
    {
        var endpoint = Endpoint();
        Assert.That(endpoint.RecordFailed(Now, gone: false), Is.False);
        endpoint.RecordDelivered();
        Assert.That(endpoint.RecordFailed(Now.AddDays(1), gone: false), Is.False);
        Assert.That(endpoint.RecordFailed(Now.AddDays(6).AddSeconds(-1), gone: false), Is.False, "just under five days since the failures began");
        Assert.That(endpoint.RecordFailed(Now.AddDays(6), gone: false), Is.True);
        Assert.That((endpoint.IsEnabled, endpoint.DisabledReason), Is.EqualTo((false, (WebhookDisabledReason?)WebhookDisabledReason.FailingTooLong)));
    }

    [Test]
    public void RecordFailed_Gone_DisablesAtOnce_AndSwitchingOnAgainStartsClean()
    {
        var endpoint = Endpoint();
        Assert.That(endpoint.RecordFailed(Now, gone: true), Is.True);
        Assert.That(endpoint.DisabledReason, Is.EqualTo(WebhookDisabledReason.Gone));
        endpoint.Update(new Uri(endpoint.Url), endpoint.EventTypes.ToList(), null, enabled: true, Now.AddHours(1));
        Assert.That((endpoint.IsEnabled, endpoint.DisabledReason, endpoint.FailingSince), Is.EqualTo((true, (WebhookDisabledReason?)null, (DateTimeOffset?)null)));
    }

    [Test]
    public void Catalogue_NamesEveryDomainEventOnce_IncludingTheTestEvent()
    {
        Assert.That(PublicEvents.Names, Does.Contain("webhook.test").And.Contain("complaint.filed").And.Contain("account.tier_changed"));
        Assert.That(PublicEvents.All.Select(e => (e.Declared.Name, e.Declared.Version)), Is.Unique);
    }
}
