using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Infrastructure.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>The ages (hours before the seeding instant) a complaint still open may have been received at.</summary>
    private static readonly double[] OpenAges = [0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 30, 36, 42, 48, 56, 60, 66, 72, 84, 96, 108, 120, 136, 144, 160, 168, 200, 240, 300, 360, 480, 600];

    private static readonly (ComplaintCategory Category, string Subject, string Description)[] ComplaintTexts =
    [
        (ComplaintCategory.Delivery, "第三批货物延迟交付", "客户反映 11 月订单的第三批货物比约定日期晚了 5 天，影响产线排程。"),
        (ComplaintCategory.ProductQuality, "来料尺寸超差", "客户来料检验发现一批零件尺寸超出公差，要求退换。"),
        (ComplaintCategory.Billing, "发票金额与合同不符", "客户财务指出本月发票金额与框架协议价格不一致。"),
        (ComplaintCategory.Service, "现场服务响应慢", "设备故障报修后 48 小时仍未安排工程师到场。"),
        (ComplaintCategory.ProductQuality, "上一批外壳表面划伤", "客户来料检验发现 3% 的外壳表面有划痕。"),
        (ComplaintCategory.Delivery, "包装破损导致货损", "运输包装破损，部分产品受潮。"),
        (ComplaintCategory.Other, "技术资料版本错误", "随货提供的技术资料不是最新版本。"),
        (ComplaintCategory.Service, "服务热线无法接通", "客户连续两天打不通服务热线。"),
    ];

    /// <summary>What a demo complaint goes through: its status today and, for one still open, the SLA state wanted today.</summary>
    private sealed record ComplaintScenario(ComplaintStatus Status, SlaState Wanted, Severity Severity, int Variant = 0);

    private static readonly ComplaintScenario[] Scenarios =
    [
        new(ComplaintStatus.New, SlaState.OnTime, Severity.Medium),
        new(ComplaintStatus.New, SlaState.OnTime, Severity.Low, 1),
        new(ComplaintStatus.New, SlaState.AtRisk, Severity.High),
        new(ComplaintStatus.New, SlaState.Breached, Severity.Medium),
        new(ComplaintStatus.Acknowledged, SlaState.OnTime, Severity.Medium),
        new(ComplaintStatus.Acknowledged, SlaState.AtRisk, Severity.Low),
        new(ComplaintStatus.Acknowledged, SlaState.Breached, Severity.High),
        new(ComplaintStatus.InProgress, SlaState.OnTime, Severity.Medium),
        new(ComplaintStatus.InProgress, SlaState.OnTime, Severity.Critical, 1),
        new(ComplaintStatus.InProgress, SlaState.OnTime, Severity.Low, 2),
        new(ComplaintStatus.InProgress, SlaState.AtRisk, Severity.Medium),
        new(ComplaintStatus.InProgress, SlaState.AtRisk, Severity.High, 1),
        new(ComplaintStatus.InProgress, SlaState.Breached, Severity.Medium),
        new(ComplaintStatus.InProgress, SlaState.Breached, Severity.High, 4),
        new(ComplaintStatus.InProgress, SlaState.Breached, Severity.Low, 8),
        new(ComplaintStatus.AwaitingCustomer, SlaState.OnTime, Severity.Medium),
        new(ComplaintStatus.AwaitingCustomer, SlaState.OnTime, Severity.Low, 2),
        new(ComplaintStatus.AwaitingCustomer, SlaState.Breached, Severity.High),
        new(ComplaintStatus.Reopened, SlaState.OnTime, Severity.Medium),
        new(ComplaintStatus.Reopened, SlaState.AtRisk, Severity.High),
        new(ComplaintStatus.Resolved, SlaState.OnTime, Severity.Medium, 1),
        new(ComplaintStatus.Resolved, SlaState.OnTime, Severity.Low, 3),
        new(ComplaintStatus.Resolved, SlaState.OnTime, Severity.High, 5),
        new(ComplaintStatus.Resolved, SlaState.Breached, Severity.Medium, 2),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Medium, 10),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Low, 14),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.High, 20),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Medium, 28),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Critical, 35),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Medium, 45),
        new(ComplaintStatus.Closed, SlaState.Breached, Severity.Medium, 18),
        new(ComplaintStatus.Closed, SlaState.Breached, Severity.High, 40),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Low, 60),
        new(ComplaintStatus.Closed, SlaState.OnTime, Severity.Medium, 75),
    ];

    /// <summary>
    /// Complaints in every status, filed and worked through the aggregate's own steps at the instants they happened, with
    /// the escalation scan taking each SLA step at the instant the aggregate scheduled it (<see cref="Complaint.Escalate"/>:
    /// at risk at 80 %, level 1 at the breach, level 2 at twice the target) and its notices recorded as the scan records
    /// them. A complaint still open is received as long ago as gives it the SLA state its scenario wants today — decided
    /// by the aggregate, tried on the ages in <see cref="OpenAges"/>; resolved ones closed seven days after their
    /// resolution are closed as the scan closes them.
    /// </summary>
    private async Task<int> SeedComplaintsAsync(TierPolicy policy, Dictionary<string, User> users, List<Account> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sla = await db.SlaPolicies.AsNoTracking().OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? SlaPolicy.Default;
        var staff = await EscalationNotices.StaffAsync(db, cancellationToken).ConfigureAwait(false);
        var demo = users["accountmanager"].Id;
        var active = accounts.Where(a => a.Status == AccountStatus.Active && a.Contacts.Count > 0).ToList();
        var mine = active.Where(a => a.OwnerId == demo).ToList();
        var others = active.Where(a => a.OwnerId != demo).ToList();
        for (var s = 0; s < Scenarios.Length; s++)
        {
            var scenario = Scenarios[s];

            // Every other complaint on the demo account manager's accounts, so that "my day" and the 360's tab show some.
            var account = s % 2 == 0 ? mine[(s * 7) % mine.Count] : others[(s * 11) % others.Count];
            var texts = ComplaintTexts[s % ComplaintTexts.Length];
            var intake = new ComplaintIntake(
                account.Id, account.Contacts[0].Id.Value, (ComplaintChannel)(s % 4), texts.Category, scenario.Severity, texts.Subject, texts.Description,
                s % 3 == 0 ? "更换不合格品并说明纠正措施。" : null, now);
            var targets = sla.TargetsFor(policy.ServiceLevelOf(account.Tier), scenario.Severity);
            var receivedAt = ReceivedAt(scenario, intake, account.Tier, targets, sla.Calendar, users, now);
            var number = await db.NextComplaintNumberAsync(cancellationToken).ConfigureAwait(false);
            var scans = new List<(DateTimeOffset At, IReadOnlyList<EscalationStep> Steps)>();
            var complaint = Work(Complaint.FormatReference(receivedAt.Year, number), scenario, intake with { ReceivedAt = receivedAt }, account.Tier, targets, sla.Calendar, users, now, scans);
            complaint.ClearDomainEvents();
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();

            // The notices of the steps the scan took, when it took them; only for complaints still in hand.
            if (!complaint.IsStopped)
            {
                foreach (var (at, steps) in scans)
                {
                    await reminders.NotifyAsync([.. EscalationNotices.For(complaint, steps, staff)], at, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return Scenarios.Length;
    }

    /// <summary>When a scenario's complaint was received: a fixed number of days ago for one that is over, else the age that gives it the wanted SLA state today.</summary>
    private static DateTimeOffset ReceivedAt(ComplaintScenario scenario, ComplaintIntake intake, Tier tier, SlaTargets targets, BusinessCalendar calendar, Dictionary<string, User> users, DateTimeOffset now)
    {
        if (scenario.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            var work = scenario.Wanted == SlaState.Breached ? targets.Resolution * 1.6 : targets.Resolution * 0.5;
            return now.AddDays(-scenario.Variant) - work - TimeSpan.FromHours(1);
        }

        var matches = OpenAges.Select(h => now.AddHours(-h))
            .Where(at => Work(Complaint.FormatReference(at.Year, 1), scenario, intake with { ReceivedAt = at }, tier, targets, calendar, users, now, null).SlaState == scenario.Wanted)
            .ToList();
        return matches.Count == 0 ? now.AddHours(-OpenAges[^1]) : matches[Math.Min(scenario.Variant, matches.Count - 1)];
    }

    /// <summary>
    /// The complaint's life from its receipt to <paramref name="now"/>: filed five minutes after, acknowledged, assigned,
    /// paused, resolved, reopened or closed at fixed shares of its age, the escalation scan running in between.
    /// </summary>
    private static Complaint Work(string reference, ComplaintScenario scenario, ComplaintIntake intake, Tier tier, SlaTargets targets, BusinessCalendar calendar, Dictionary<string, User> users, DateTimeOffset now, List<(DateTimeOffset, IReadOnlyList<EscalationStep>)>? scans)
    {
        var agent = users["serviceagent"].Id;
        var quality = users["qualitymanager"].Id;
        var received = intake.ReceivedAt;
        var age = now - received;
        DateTimeOffset At(double share) => received + (age * share);
        var filedAt = received + TimeSpan.FromMinutes(Math.Min(5, age.TotalMinutes / 4));
        var complaint = Complaint.File(reference, intake, tier, targets, calendar, agent, filedAt);
        void Scan(DateTimeOffset until)
        {
            while (complaint.NextEscalationAt is { } due && due <= until)
            {
                var steps = complaint.Escalate(due);
                scans?.Add((due, steps));
            }
        }

        var status = scenario.Status;
        if (status == ComplaintStatus.New)
        {
            Scan(now);
            return complaint;
        }

        var over = status is ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Reopened;
        var resolvedAt = status switch
        {
            ComplaintStatus.Resolved or ComplaintStatus.Closed => now.AddDays(-scenario.Variant),
            ComplaintStatus.Reopened => At(0.6),
            _ => now,
        };
        var span = over ? resolvedAt - received : age;
        DateTimeOffset Step(double share) => received + (span * share);

        Scan(Step(0.08));
        complaint.Acknowledge("已收到您的反馈，我们正在核实，24 小时内回复处理方案。", agent, Step(0.08));
        if (status == ComplaintStatus.Acknowledged)
        {
            Scan(now);
            return complaint;
        }

        var department = intake.Category switch
        {
            ComplaintCategory.ProductQuality => Department.Quality,
            ComplaintCategory.Delivery => Department.Logistics,
            ComplaintCategory.Billing => Department.Finance,
            _ => Department.Service,
        };
        Scan(Step(0.12));
        complaint.Assign(department, department == Department.Quality ? quality : agent, quality, Step(0.12));
        if (status == ComplaintStatus.AwaitingCustomer)
        {
            Scan(Step(0.5));
            complaint.AwaitCustomer("已请客户提供批次号和现场照片。", agent, Step(0.5));
            Scan(now);
            return complaint;
        }

        if (status == ComplaintStatus.InProgress)
        {
            Scan(Step(0.4));
            complaint.Comment("已联系供应商，正在分析原因。", agent, Step(0.4));
            Scan(now);
            return complaint;
        }

        Scan(Step(0.99));
        complaint.Resolve("已更换不合格品并补发货物，客户确认收货。", RootCause.Logistics, "调整包装规范，增加出货前检验。", agent, Step(0.99));
        if (status == ComplaintStatus.Reopened)
        {
            Scan(At(0.8));
            complaint.Reopen("客户反馈问题再次出现。", agent, At(0.8));
            Scan(now);
            return complaint;
        }

        if (status == ComplaintStatus.Closed)
        {
            // Half confirmed by the customer two days after the resolution; the others closed by the scan after seven.
            if (scenario.Variant % 2 == 0)
            {
                complaint.Close("客户确认问题已解决。", agent, Step(0.99).AddDays(2));
            }
            else
            {
                complaint.Close(null, null, Step(0.99).AddDays(7));
            }
        }

        return complaint;
    }
}
