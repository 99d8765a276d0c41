using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;

namespace KeyAccount.Infrastructure.Seeding;

public sealed partial class DemoDataSeeder
{
    private static readonly string[] NextSteps =
    [
        "发送修订后的报价方案",
        "安排技术交流会",
        "确认年度框架协议条款",
        "跟进样品测试结果",
        "准备季度业务回顾材料",
        "寄送本季度产品资料",
        "安排客户采购部来厂参观",
    ];

    /// <summary>
    /// A year of contact, relative to the seeding day, on each tier's cadence in the published policy's service
    /// programme (Standard, which has none, every few months): most accounts were last contacted within their cadence,
    /// a handful per owner are overdue by days to weeks. Next steps on the latest contact: for each owner a few due this
    /// week, two or three overdue, some later; older contacts' next steps are done.
    /// </summary>
    private int SeedInteractions(TierPolicy policy, List<Account> accounts, Random random, DateTimeOffset now)
    {
        var today = BusinessDay.Today(now);
        var perOwner = new Dictionary<UserId, int>();
        var count = 0;
        foreach (var account in accounts)
        {
            var j = perOwner[account.OwnerId] = perOwner.GetValueOrDefault(account.OwnerId, -1) + 1;
            var cadence = policy.ServiceLevelOf(account.Tier).ContactCadenceDays;
            var every = cadence ?? 120;
            double lastDaysAgo = account.Status switch
            {
                AccountStatus.Dormant => 200 + random.Next(200),
                AccountStatus.Prospect => 3 + random.Next(20),
                // A handful per owner overdue for contact: days to weeks past their cadence.
                _ when cadence is not null && j % 19 == 4 => cadence.Value + 2 + random.Next(40),
                _ => 1 + (random.NextDouble() * every * 0.8),
            };

            var contacts = account.Contacts.Select(c => c.Id).ToList();
            var times = new List<DateTimeOffset>();
            for (var ago = lastDaysAgo; ago < 365 && times.Count < 8; ago += every * (0.6 + (random.NextDouble() * 0.4)))
            {
                times.Add(now.AddDays(-ago).AddHours(-random.Next(0, 6)));
                if (account.Status == AccountStatus.Prospect && times.Count == 2)
                {
                    break;
                }
            }

            // The next step on the latest contact, by the owner's account order: a few due this week (j = 0, 27, 54, …:
            // today and the days after), two or three overdue by days (j = 5, 68, 131), some later. The first two pick
            // among the accounts the third never reaches (j % 9 is 0 or 5, never 6), so the random draws stay the same.
            DateOnly? due = account.Status != AccountStatus.Active ? null
                : j % 27 == 0 ? today.AddDays((j / 27) % 7)
                : j % 63 == 5 ? today.AddDays(-1 - (j / 21))
                : j % 9 == 6 ? today.AddDays(10 + random.Next(20))
                : null;
            for (var k = 0; k < times.Count; k++)
            {
                var at = times[k];
                var occurredOn = BusinessDay.Today(at);
                var latest = k == 0;
                var step = latest
                    ? due is { } d && d > occurredOn ? d : (DateOnly?)null
                    : random.Next(3) == 0 ? occurredOn.AddDays(7) : null;
                var involved = contacts.Count == 0 ? [] : new[] { contacts[random.Next(contacts.Count)] };
                var interaction = account.LogInteraction(
                    new InteractionDetails(
                        (InteractionType)random.Next(5),
                        at,
                        Summaries[random.Next(Summaries.Length)],
                        involved,
                        step is null ? null : NextSteps[random.Next(NextSteps.Length)],
                        step),
                    account.OwnerId,
                    at);
                if (!latest && step is { } doneOn && doneOn <= today)
                {
                    var doneAt = new DateTimeOffset(doneOn.ToDateTime(new TimeOnly(10, 0)), BusinessDay.Offset);
                    interaction.CompleteNextStep(account.OwnerId, doneAt < now ? doneAt : now);
                }

                db.Interactions.Add(interaction);
                count++;
            }

            account.ClearDomainEvents();
        }

        return count;
    }
}
