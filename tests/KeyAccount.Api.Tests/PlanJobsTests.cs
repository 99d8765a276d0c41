using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The development plans' jobs on PostgreSQL: "accounts that need a plan" (list, dashboard, reminders) at its edge
/// dates, the weekly overdue-initiative reminders with their events, review-due reminders, and the metric refresh.
/// </summary>
public class PlanJobsTests : ApiTestBase
{
    /// <summary>00:30 on 1 January 2027 in Beijing, still 31 December 2026 in UTC: the plan calendar's day is 1 January.</summary>
    private static readonly DateTimeOffset BeijingNewYear = new(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8));

    private static readonly DateOnly Today = new(2027, 1, 1);

    [Test]
    public async Task AccountsNeedingPlan_AtBeijingMidnight_ReasonsAtTheirEdges()
    {
        var noPlan = await SeedAccountAsync("NO-PLAN");
        var endsToday = await SeedAccountAsync("ENDS-TODAY");
        await SeedPlanAsync(endsToday, PlanStatus.Active, new DateOnly(2026, 1, 2), Today);                      // last day today: covered
        var endedYesterday = await SeedAccountAsync("ENDED-YESTERDAY");
        var ended = await SeedPlanAsync(endedYesterday, PlanStatus.Active, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)); // UTC's today, not Beijing's
        var draftOnly = await SeedAccountAsync("DRAFT-ONLY");
        var draft = await SeedPlanAsync(draftOnly, PlanStatus.Draft, Today, new DateOnly(2027, 12, 31));
        var cancelledOnly = await SeedAccountAsync("CANCELLED-ONLY");
        await SeedPlanAsync(cancelledOnly, PlanStatus.Cancelled, new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31));
        var expiredWithDraft = await SeedAccountAsync("EXPIRED-WITH-DRAFT");
        var completed = await SeedPlanAsync(expiredWithDraft, PlanStatus.Completed, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        await SeedPlanAsync(expiredWithDraft, PlanStatus.Submitted, Today, new DateOnly(2027, 12, 31));
        var startsToday = await SeedAccountAsync("STARTS-TODAY");
        await SeedPlanAsync(startsToday, PlanStatus.Approved, Today, new DateOnly(2027, 12, 31));
        var startsTomorrow = await SeedAccountAsync("STARTS-TOMORROW");
        var future = await SeedPlanAsync(startsTomorrow, PlanStatus.Approved, Today.AddDays(1), new DateOnly(2028, 1, 1));
        await SeedAccountAsync("GROWTH", Tier.Growth);                                     // its tier needs no plan
        await SeedAccountAsync("DORMANT", status: AccountStatus.Dormant);                   // not an active account

        Assert.That(PlanDay.Today(BeijingNewYear), Is.EqualTo(Today), "the plan calendar's day, not UTC's (31 December)");
        var (found, total) = await NeedingPlanAsync(BeijingNewYear);
        var rows = found.ToDictionary(r => r.AccountId);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Keys, Is.EquivalentTo(new[] { noPlan, endedYesterday, draftOnly, cancelledOnly, expiredWithDraft, startsTomorrow }));
            Assert.That(total, Is.EqualTo(6));
            Assert.That(Reason(rows, noPlan), Is.EqualTo((PlanNeedReason.NoPlan, (DevelopmentPlanId?)null)));
            Assert.That(Reason(rows, endedYesterday), Is.EqualTo((PlanNeedReason.Expired, (DevelopmentPlanId?)ended)));
            Assert.That(rows[endedYesterday].PlanEndDate, Is.EqualTo(new DateOnly(2026, 12, 31)));
            Assert.That(Reason(rows, draftOnly), Is.EqualTo((PlanNeedReason.NotApproved, (DevelopmentPlanId?)draft)));
            Assert.That(rows[draftOnly].PlanStatus, Is.EqualTo(PlanStatus.Draft));
            Assert.That(Reason(rows, cancelledOnly), Is.EqualTo((PlanNeedReason.NoPlan, (DevelopmentPlanId?)null)));
            Assert.That(Reason(rows, expiredWithDraft), Is.EqualTo((PlanNeedReason.Expired, (DevelopmentPlanId?)completed)), "an ended approved plan outweighs a new draft");
            Assert.That(Reason(rows, startsTomorrow), Is.EqualTo((PlanNeedReason.NoPlan, (DevelopmentPlanId?)future)), "approved, but from tomorrow: today is not covered");
        });

        // An hour earlier it is still 31 December in Beijing: the plan ending that day covers it.
        var (lastEvening, _) = await NeedingPlanAsync(BeijingNewYear.AddHours(-1));
        Assert.That(lastEvening.Select(r => r.AccountId), Does.Not.Contain(endedYesterday));

        // The endpoint, its filters and the dashboard read the same rule (at the real time: the API's token checks use it).
        var (now, nowTotal) = await NeedingPlanAsync(DateTimeOffset.UtcNow);
        using var director = await As("director");
        var page = await Body(await director.GetAsync("/api/v1/development-plans/accounts-needing-plan?pageSize=200"));
        var expired = await Body(await director.GetAsync("/api/v1/development-plans/accounts-needing-plan?reason=Expired&tier=Key"));
        var dashboard = await Body(await director.GetAsync("/api/v1/dashboard"));
        Assert.Multiple(() =>
        {
            Assert.That(page["totalCount"]!.GetValue<int>(), Is.EqualTo(nowTotal));
            Assert.That(page["items"]!.AsArray().Select(i => i!["reason"]!.GetValue<string>()), Is.EqualTo(now.Select(r => r.Reason.ToString())));
            Assert.That(expired["totalCount"]!.GetValue<int>(), Is.EqualTo(now.Count(r => r.Reason == PlanNeedReason.Expired)));
            Assert.That(dashboard["accountsNeedingPlan"]!.GetValue<int>(), Is.EqualTo(nowTotal));
            Assert.That(dashboard["accountsNeedingPlanByReason"]!.AsArray().Select(r => (r!["reason"]!.GetValue<string>(), r["accounts"]!.GetValue<int>())),
                Is.EqualTo(Enum.GetValues<PlanNeedReason>().Select(r => (r.ToString(), now.Count(x => x.Reason == r)))));
        });
    }

    private static async Task<(IReadOnlyList<AccountNeedingPlanRow> Rows, int Total)> NeedingPlanAsync(DateTimeOffset at)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlanCoverage>().ReadAsync(new AccountScope(), null, null, PlanDay.Today(at), 0, 200, CancellationToken.None);
    }

    [Test]
    public async Task PlanReminders_RunTwice_RemindEachOnceAndRaiseEachEventOnce()
    {
        var account = await SeedAccountAsync("REMINDED");
        var owner = ApiFixture.Users["accountmanager"].Id;
        var other = ApiFixture.Users["accountmanager2"].Id;
        var active = await SeedPlanAsync(account, PlanStatus.Active, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), nextReviewDue: Today, initiatives:
        [
            ("逾期举措", other, Today.AddDays(-1), InitiativeStatus.InProgress),   // overdue since yesterday
            ("已完成", owner, Today.AddDays(-30), InitiativeStatus.Done),         // past due but done
            ("今天到期", owner, Today, InitiativeStatus.NotStarted),              // due today: not overdue yet
        ]);
        var needsNoPlanAccount = await SeedAccountAsync("NO-PLAN-REMINDED");
        var draftAccount = await SeedAccountAsync("DRAFT-OVERDUE", Tier.Growth);
        await SeedPlanAsync(draftAccount, PlanStatus.Draft, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), initiatives: [("草稿逾期", owner, Today.AddDays(-10), InitiativeStatus.NotStarted)]);

        var first = await RecordAsync(BeijingNewYear);
        var second = await RecordAsync(BeijingNewYear.AddHours(3));
        var reminders = await RemindersAsync();
        var events = await OverdueEventsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new PlanRemindersOutcome(1, 1, 1)));
            Assert.That(second, Is.EqualTo(new PlanRemindersOutcome(0, 0, 0)));
            Assert.That(reminders.Where(r => r.Kind == "InitiativeOverdue").Select(r => (r.UserId, r.AccountId)), Is.EqualTo(new[] { (other.Value, account.Value) }));
            Assert.That(reminders.Single(r => r.Kind == "InitiativeOverdue").Args, Does.Contain("逾期举措").And.Contain("\"initiativeDueDate\": \"2026-12-31\""));
            Assert.That(reminders.Where(r => r.Kind == "PlanReviewDue").Select(r => (r.SubjectId, r.DueDate)), Is.EqualTo(new[] { (active.Value, Today) }));
            Assert.That(reminders.Where(r => r.Kind == "AccountNeedsPlan").Select(r => (r.AccountId, r.DueDate)), Is.EqualTo(new[] { (needsNoPlanAccount.Value, new DateOnly(2026, 12, 28)) }));
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(events[0]["title"]!.GetValue<string>(), Is.EqualTo("逾期举措"));
            Assert.That(events[0]["dueDate"]!.GetValue<string>(), Is.EqualTo("2026-12-31"));
        });

        // Sunday: the same week for the accounts, and the initiative due on New Year's Day is now overdue too. Six days
        // on: a new week for the accounts, not yet a week for either initiative. Seven days on: the first initiative,
        // still overdue, is reminded (and announced) again.
        var sunday = await RecordAsync(BeijingNewYear.AddDays(2));
        var sixDaysOn = await RecordAsync(BeijingNewYear.AddDays(6));
        var aWeekOn = await RecordAsync(BeijingNewYear.AddDays(7));
        Assert.That(sunday, Is.EqualTo(new PlanRemindersOutcome(1, 0, 0)));
        Assert.That(sixDaysOn, Is.EqualTo(new PlanRemindersOutcome(0, 0, 1)));
        Assert.That(aWeekOn, Is.EqualTo(new PlanRemindersOutcome(1, 0, 0)));
        Assert.That((await OverdueEventsAsync()).Select(e => e["title"]!.GetValue<string>()), Is.EqualTo(new[] { "逾期举措", "今天到期", "逾期举措" }));
    }

    [Test]
    public async Task MetricRefresh_AtTheEdges_WritesActualsAndProgressOnce()
    {
        var revenue = await SeedAccountAsync("REVENUE", revenue: [(new DateOnly(2026, 11, 1), 1500m, 300m), (new DateOnly(2025, 11, 1), 0m, 0m)]);
        var none = await SeedAccountAsync("NO-REVENUE");
        ObjectiveSpec ttm = new("TTM 收入", MeasureUnit.Currency, MeasureDirection.HigherIsBetter, 1000m, 2000m, MeasureSource.TtmRevenue);
        ObjectiveSpec capped = new("超额完成", MeasureUnit.Currency, MeasureDirection.HigherIsBetter, 0m, 1000m, MeasureSource.TtmRevenue);
        ObjectiveSpec growth = new("增长", MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 0m, 10m, MeasureSource.RevenueGrowth);
        ObjectiveSpec margin = new("毛利率下降", MeasureUnit.Percent, MeasureDirection.LowerIsBetter, 40m, 10m, MeasureSource.GrossMarginPercent);
        ObjectiveSpec manual = new("手工指标", MeasureUnit.Number, MeasureDirection.HigherIsBetter, 0m, 10m, MeasureSource.Manual, Actual: 4m);
        var plan = await SeedPlanAsync(revenue, PlanStatus.Active, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), objectives: [ttm, capped, growth, margin, manual]);
        var empty = await SeedPlanAsync(none, PlanStatus.Draft, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), objectives: [ttm]);
        var done = await SeedPlanAsync(none, PlanStatus.Completed, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), objectives: [ttm]);

        var first = await RefreshAsync(BeijingNewYear);
        var again = await RefreshAsync(BeijingNewYear);
        var objectives = await ObjectivesAsync();
        var plans = await PlanProgressAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Measures, Is.EqualTo(5), "Completed plans are not measured");
            Assert.That(again.ObjectivesChanged + again.PlansChanged, Is.Zero, "nothing changed: nothing written");
            Assert.That(objectives[(plan, "TTM 收入")], Is.EqualTo(((decimal?)1500m, (decimal?)50.0m)));
            Assert.That(objectives[(plan, "超额完成")], Is.EqualTo(((decimal?)1500m, (decimal?)100.0m)), "capped at 100");
            Assert.That(objectives[(plan, "增长")], Is.EqualTo(((decimal?)null, (decimal?)null)), "previous TTM 0: no growth, no progress");
            Assert.That(objectives[(plan, "毛利率下降")], Is.EqualTo(((decimal?)20m, (decimal?)66.7m)), "lower is better: 40 → 20 of 40 → 10");
            Assert.That(objectives[(plan, "手工指标")], Is.EqualTo(((decimal?)4m, (decimal?)40.0m)), "a manual measure keeps its typed actual");
            Assert.That(plans[plan], Is.EqualTo(51.3m), "(50 + 100 + 0 + 66.7 + 40) / 5");
            Assert.That(objectives[(empty, "TTM 收入")], Is.EqualTo(((decimal?)0m, (decimal?)0m)), "no revenue: 0, below the baseline");
            Assert.That(plans[empty], Is.EqualTo(0m));
            Assert.That(objectives[(done, "TTM 收入")], Is.EqualTo(((decimal?)null, (decimal?)null)));
        });
    }

    /// <summary>
    /// The refresh at the benchmark's scale (20,000 plans × 5 metric-bound objectives = 100,000 measures, goal &lt; 10 s),
    /// on rows cloned in SQL from one plan and account written through the domain; prints the timings.
    /// </summary>
    [Test]
    [Explicit("Scale measurement: about a minute of seeding")]
    public async Task MetricRefresh_At100000Measures_PrintsItsTiming()
    {
        const int Plans = 20_000;
        var template = await SeedAccountAsync("SCALE-0", revenue: [.. Enumerable.Range(1, 24).Select(m => (new DateOnly(2024, 11, 1).AddMonths(m), 1000m + m * 10, 200m + m))]);
        await SeedPlanAsync(template, PlanStatus.Active, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), objectives:
        [
            new("TTM", MeasureUnit.Currency, MeasureDirection.HigherIsBetter, 10_000m, 30_000m, MeasureSource.TtmRevenue),
            new("Growth", MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 0m, 20m, MeasureSource.RevenueGrowth),
            new("Margin", MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 10m, 30m, MeasureSource.GrossMarginPercent),
            new("SLA", MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 80m, 95m, MeasureSource.ComplaintSlaCompliance),
            new("Cadence", MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 50m, 100m, MeasureSource.ContactCadenceCoverage),
        ]);
        // Clones keep every column (jsonb_populate_record over the row's JSON) with new ids; revenue varies by account.
        await using var connection = new Npgsql.NpgsqlConnection(ApiFixture.ConnectionString);
        await connection.OpenAsync();
        await using var seed = new Npgsql.NpgsqlCommand($"""
            INSERT INTO accounts SELECT (jsonb_populate_record(NULL::accounts, to_jsonb(a) || jsonb_build_object('id', md5('a' || g)::uuid, 'registration_number', 'SCALE-' || g, 'name', 'Scale ' || g))).*
            FROM accounts a, generate_series(1, {Plans - 1}) g WHERE a.id = '{template}';
            INSERT INTO revenue_records SELECT (jsonb_populate_record(NULL::revenue_records, to_jsonb(r) || jsonb_build_object('id', gen_random_uuid(), 'account_id', md5('a' || g)::uuid, 'revenue', r.revenue * (1 + g % 13)))).*
            FROM revenue_records r, generate_series(1, {Plans - 1}) g WHERE r.account_id = '{template}';
            INSERT INTO development_plans SELECT (jsonb_populate_record(NULL::development_plans, to_jsonb(p) || jsonb_build_object('id', md5('p' || g)::uuid, 'account_id', md5('a' || g)::uuid))).*
            FROM development_plans p, generate_series(1, {Plans - 1}) g WHERE p.account_id = '{template}';
            INSERT INTO plan_objectives SELECT (jsonb_populate_record(NULL::plan_objectives, to_jsonb(o) || jsonb_build_object('id', md5('o' || g || '-' || o.position)::uuid, 'plan_id', md5('p' || g)::uuid))).*
            FROM plan_objectives o JOIN development_plans p ON p.id = o.plan_id, generate_series(1, {Plans - 1}) g WHERE p.account_id = '{template}';
            INSERT INTO plan_initiatives SELECT (jsonb_populate_record(NULL::plan_initiatives, to_jsonb(i) || jsonb_build_object('id', md5('i' || g || '-' || i.position)::uuid, 'plan_id', md5('p' || g)::uuid, 'objective_id', NULL))).*
            FROM plan_initiatives i JOIN development_plans p ON p.id = i.plan_id, generate_series(1, {Plans - 1}) g WHERE p.account_id = '{template}';
            ANALYZE;
            """, connection) { CommandTimeout = 600 };
        await seed.ExecuteNonQueryAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await RefreshAsync(BeijingNewYear);
        var firstTime = clock.Elapsed;
        clock.Restart();
        var second = await RefreshAsync(BeijingNewYear);
        var secondTime = clock.Elapsed;
        await TestContext.Out.WriteLineAsync($"first: {first} in {firstTime.TotalSeconds:0.00} s; unchanged rerun: {second} in {secondTime.TotalSeconds:0.00} s");
        Assert.Multiple(() =>
        {
            Assert.That(first.Measures, Is.EqualTo(Plans * 5));
            Assert.That(first.PlansChanged, Is.EqualTo(Plans));
            Assert.That(second.ObjectivesChanged, Is.Zero);
        });
    }

    private sealed record ObjectiveSpec(string Title, MeasureUnit Unit, MeasureDirection Direction, decimal Baseline, decimal Target, MeasureSource Source, decimal? Actual = null);

    private static (PlanNeedReason Reason, DevelopmentPlanId? PlanId) Reason(Dictionary<AccountId, AccountNeedingPlanRow> rows, AccountId account) =>
        (rows[account].Reason, rows[account].PlanId);

    private static async Task<PlanRemindersOutcome> RecordAsync(DateTimeOffset now)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlanReminders>().RecordAsync(now, CancellationToken.None);
    }

    private static async Task<PlanMetricsRefreshOutcome> RefreshAsync(DateTimeOffset now)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlanMetricsRefresh>().RefreshAsync(now, null, CancellationToken.None);
    }

    private sealed record ReminderRow(Guid UserId, Guid AccountId, string Kind, Guid SubjectId, DateOnly DueDate, string? Args);

    private static async Task<List<ReminderRow>> RemindersAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.SqlQueryRaw<ReminderRow>("SELECT user_id, account_id, kind, subject_id, due_date, args::text AS args FROM reminders ORDER BY kind, due_date").ToListAsync();
    }

    private static async Task<List<JsonNode>> OverdueEventsAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var payloads = await db.Database.SqlQueryRaw<string>("SELECT payload::text AS \"Value\" FROM outbox_messages WHERE type = 'development_plan.initiative_overdue' ORDER BY id").ToListAsync();
        return [.. payloads.Select(p => JsonNode.Parse(p)!)];
    }

    private sealed record ObjectiveRow(Guid PlanId, string Title, decimal? Actual, decimal? Progress);

    private static async Task<Dictionary<(DevelopmentPlanId, string), (decimal?, decimal?)>> ObjectivesAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Database.SqlQueryRaw<ObjectiveRow>("SELECT plan_id, title, actual, progress FROM plan_objectives").ToListAsync();
        return rows.ToDictionary(r => (new DevelopmentPlanId(r.PlanId), r.Title), r => (r.Actual, r.Progress));
    }

    private sealed record PlanRow(Guid Id, decimal? Progress);

    private static async Task<Dictionary<DevelopmentPlanId, decimal?>> PlanProgressAsync()
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Database.SqlQueryRaw<PlanRow>("SELECT id, progress FROM development_plans").ToListAsync();
        return rows.ToDictionary(r => new DevelopmentPlanId(r.Id), r => r.Progress);
    }

    private static async Task<AccountId> SeedAccountAsync(string registration, Tier tier = Tier.Key, AccountStatus status = AccountStatus.Active, (DateOnly Month, decimal Revenue, decimal GrossProfit)[]? revenue = null)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var account = Account.Create(new AccountProfile($"客户 {registration}", registration, "Manufacturing", "East China", "Enterprise", status, 3, null, null), ApiFixture.Users["accountmanager"].Id, at);
        account.AssignTier(tier, at);
        db.Accounts.Add(account);
        db.RevenueRecords.AddRange((revenue ?? []).Select(r => RevenueRecord.Create(account.Id, r.Month, r.Revenue, r.GrossProfit, 1, "CNY", at)));
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A plan written as a draft through the domain, then put into <paramref name="status"/> (the workflow's own rules have their tests).</summary>
    private static async Task<DevelopmentPlanId> SeedPlanAsync(
        AccountId account, PlanStatus status, DateOnly start, DateOnly end, DateOnly? nextReviewDue = null,
        (string Title, Domain.Users.UserId Owner, DateOnly Due, InitiativeStatus Status)[]? initiatives = null, ObjectiveSpec[]? objectives = null)
    {
        await using var scope = ApiFixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var manager = ApiFixture.Users["accountmanager"].Id;
        objectives ??= [new ObjectiveSpec("收入", MeasureUnit.Number, MeasureDirection.HigherIsBetter, 0m, 100m, MeasureSource.Manual)];
        initiatives ??= [("举措", manager, end, InitiativeStatus.NotStarted)];
        var content = new PlanContent(
            "2026–2027 客户发展计划", manager, start, end, "成为首选供应商", ["扩大份额"], DevelopmentPlan.DefaultReviewCadenceMonths,
            [.. objectives.Select(o => new ObjectiveInput(null, o.Title, new Measure(o.Unit, o.Direction, o.Baseline, o.Target, o.Unit == MeasureUnit.Currency ? "CNY" : null, o.Source), end, o.Actual))],
            [.. initiatives.Select(i => new InitiativeInput(null, i.Title, i.Owner, Department.Sales, i.Due, i.Status, 0, null, null))],
            [], [], []);
        var plan = DevelopmentPlan.Draft(account, content, manager, start, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero));
        db.DevelopmentPlans.Add(plan);
        await db.SaveChangesAsync();
        var review = nextReviewDue is { } due ? $"'{due:yyyy-MM-dd}'" : "NULL";
        await ExecuteSqlAsync($"UPDATE development_plans SET status = '{status}', next_review_due = {review} WHERE id = '{plan.Id}'");
        return plan.Id;
    }
}
