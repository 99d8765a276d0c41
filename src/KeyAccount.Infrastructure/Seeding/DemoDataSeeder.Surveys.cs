using KeyAccount.Application.Surveys.RecordResponse;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Infrastructure.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>The relationship survey opened this many days before the seeding day; it closes a few days after it.</summary>
    internal const int SurveyOpenedDaysAgo = 40;

    private static readonly string[] PromoterComments =
    [
        "交付准时，技术支持响应很快。",
        "驻厂工程师非常专业，帮我们解决了产线问题。",
        "产品质量稳定，愿意继续扩大合作。",
        "团队响应及时，质量稳定。",
    ];

    private static readonly string[] PassiveComments =
    [
        "价格还有优化空间。",
        "希望缩短交货周期。",
        "发票和对账流程可以更简单一些。",
        "技术文档可以写得更清楚一些。",
    ];

    private static readonly string[] DetractorComments =
    [
        "最近两批货都延迟交付，影响了我们的生产计划。",
        "投诉处理太慢，一周都没有答复。",
        "质量问题反复出现，需要尽快改进。",
        "本季度交货延迟次数太多。",
    ];

    /// <summary>
    /// The twice-yearly relationship survey, opened by Marketing six weeks ago with the default template to every active
    /// account (one contact each, decision makers first: the audience SQL decides), its invitations sent; it is still
    /// open and closes in five days.
    /// </summary>
    private async Task<SurveyCampaign> OpenSurveyAsync(Dictionary<string, User> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.AsNoTracking().Where(t => t.Status == SurveyTemplateStatus.Published).OrderBy(t => t.CreatedAt)
            .Select(t => t.Id).FirstAsync(cancellationToken).ConfigureAwait(false);
        var openedAt = now.AddDays(-SurveyOpenedDaysAgo);
        var campaign = SurveyCampaign.Draft(
            new SurveyCampaignSettings(
                $"{openedAt.Year} 年客户关系满意度调查 / {openedAt.Year} relationship survey",
                template,
                Audience.Everyone,
                1,
                openedAt,
                now.AddDays(5),
                null,
                SurveyRecurrence.TwiceYearly,
                SurveyCampaign.Chinese),
            templatePublished: true,
            users["marketing"].Id,
            openedAt.AddDays(-2));
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        campaign.Open(openedAt);
        var (invited, skipped) = await audience.WriteInvitationsAsync(campaign, openedAt, cancellationToken).ConfigureAwait(false);
        campaign.RecordAudience(invited, skipped);
        var invitations = await db.SurveyInvitations.Where(i => i.CampaignId == campaign.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var invitation in invitations)
        {
            invitation.QueueMail(openedAt);
            invitation.MarkSent(openedAt.AddMinutes(3), campaign.ReminderAfterDays);
        }

        campaign.ClearDomainEvents();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return campaign;
    }

    /// <summary>
    /// Answers through the one recording path (<see cref="ResponseRecording.RecordAsync"/>: scores, NPS group, the
    /// follow-up of a detractor, the account's satisfaction). The early answers (about 45 % of the invited, in the
    /// survey's first ten days) lean with the account's strategic fit; their follow-ups were closed by the owners within
    /// a day. The late ones (the last three days) are a few more, among them a detractor on the demo account manager's
    /// account whose follow-up is open.
    /// </summary>
    private async Task<int> RespondAsync(SurveyCampaign campaign, Dictionary<string, User> users, List<Account> accounts, DateTimeOffset now, bool late, CancellationToken cancellationToken)
    {
        var random = new Random(late ? 20261125 : 20261124);
        var byId = accounts.ToDictionary(a => a.Id);
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == campaign.Id && i.Status == SurveyInvitationStatus.Sent)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        invitations.Sort((x, y) => string.CompareOrdinal(x.Email, y.Email)); // a stable order: ids differ from one seed to the next
        var openedAt = campaign.OpenedAt!.Value;
        var count = 0;
        var demoDetractor = false;
        foreach (var invitation in invitations)
        {
            var account = byId[invitation.AccountId];
            var chance = random.NextDouble();
            var forDemo = late && !demoDetractor && account.OwnerId == users["accountmanager"].Id;
            if (!forDemo && chance >= (late ? 0.06 : 0.45))
            {
                continue;
            }

            var at = late ? now.AddHours(-random.Next(2, 72)) : openedAt.AddHours(random.Next(4, 24 * 10));
            var lean = random.NextDouble() + (((account.StrategicFit ?? 3) - 3) * 0.12);
            var (nps, rating, comments) = forDemo ? (3, 2, DetractorComments)
                : lean > 0.62 ? (9 + random.Next(2), 4 + random.Next(2), PromoterComments)
                : lean > 0.28 ? (7 + random.Next(2), 3 + random.Next(2), PassiveComments)
                : (2 + random.Next(5), 2 + random.Next(2), DetractorComments);
            List<SurveyAnswer> answers =
            [
                new(DefaultSurveyTemplates.RecommendQuestionId, Number: nps),
                new(DefaultSurveyTemplates.SatisfactionQuestionId, Number: rating),
            ];
            if (forDemo || random.Next(3) != 0)
            {
                answers.Add(new(DefaultSurveyTemplates.ImproveQuestionId, Text: comments[random.Next(comments.Length)]));
            }

            // One response at a time, with nothing else tracked: each save then looks at a handful of entities.
            db.SurveyInvitations.Attach(invitation);
            var recorded = await ResponseRecording.RecordAsync(db, satisfaction, surveySettings, invitation, answers, SurveyInvitationChannel.Email, null, at, cancellationToken).ConfigureAwait(false);
            count++;
            demoDetractor |= forDemo;
            if (recorded.FollowUpId is { } followUpId && !late)
            {
                var followUp = await db.SurveyFollowUps.FirstAsync(f => f.Id == followUpId, cancellationToken).ConfigureAwait(false);
                followUp.Close(account.OwnerId, "已电话回访客户，约定下周上门沟通改进措施。", at.AddHours(20));
                followUp.ClearDomainEvents();
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            db.ChangeTracker.Clear();
        }

        return count;
    }
}
