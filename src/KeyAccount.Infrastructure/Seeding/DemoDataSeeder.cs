using System.Diagnostics;
using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserDepartment = KeyAccount.Domain.Complaints.Department;

namespace KeyAccount.Infrastructure.Seeding;

/// <summary>
/// The demo dataset of deploy/run.sh: one user per role (plus a second account manager), 320 accounts across
/// industries and regions, each with contacts, interactions and 24 months of revenue. Deterministic (fixed seed),
/// and it runs once: a database that already has the demo director is left as it is. Never enabled by default.
/// </summary>
public sealed partial class DemoDataSeeder(
    AppDbContext db,
    IPasswordHasher hasher,
    IRevenueWriter revenue,
    ITieringEngine tiering,
    ISurveyAudience audience,
    ISatisfactionRefresh satisfaction,
    ISurveySettings surveySettings,
    IReminderWriter reminders,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const string Domain = "demo.keyaccount.local";
    public const int AccountCount = 320;

    // Departments, heads and reporting lines: the director heads Sales and manages the account managers; the
    // service agent heads Service (level-1 escalations of complaints assigned to Service go there), the quality
    // manager heads Quality; Technical, Product and Logistics have no head, so their escalations fall back to the
    // quality managers.
    private static readonly (string Local, string Name, Role Role, UserDepartment? Department, bool Head, string? Manager)[] DemoUsers =
    [
        ("admin", "系统管理员 Admin", Role.Admin, null, false, null),
        ("director", "陈静 Chen Jing", Role.Director, UserDepartment.Sales, true, null),
        ("accountmanager", "李伟 Li Wei", Role.AccountManager, UserDepartment.Sales, false, "director"),
        ("accountmanager2", "王磊 Wang Lei", Role.AccountManager, UserDepartment.Sales, false, "director"),
        ("serviceagent", "赵敏 Zhao Min", Role.ServiceAgent, UserDepartment.Service, true, "qualitymanager"),
        ("qualitymanager", "孙洁 Sun Jie", Role.QualityManager, UserDepartment.Quality, true, "director"),
        ("marketing", "周婷 Zhou Ting", Role.Marketing, UserDepartment.Marketing, true, "director"),
    ];

    // Codes of the managed lists; their entries (with zh-CN and en labels) come with the ReferenceData migration.
    private static readonly string[] Industries = ["manufacturing", "automotive", "electronics", "pharmaceuticals", "logistics", "energy", "food-beverage", "chemicals", "retail", "construction"];
    private static readonly string[] IndustryWords = ["精密制造", "汽车零部件", "电子科技", "医药", "物流", "能源", "食品", "化工", "商贸", "建材"];
    private static readonly string[] Regions = ["east-china", "south-china", "north-china", "central-china", "southwest", "northeast", "northwest", "overseas"];
    private static readonly string[] Segments = ["enterprise", "mid-market", "distributor", "government", "oem"];
    private static readonly string[] Prefixes = ["华东", "华南", "北方", "中科", "金桥", "恒信", "远航", "海川", "宏达", "瑞丰", "天成", "嘉禾", "鼎盛", "新元", "盛世", "广联"];
    private static readonly string[] Surnames = ["张", "王", "李", "刘", "陈", "杨", "黄", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "林"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "霞"];
    private static readonly string[] Titles = ["总经理", "采购总监", "技术总监", "财务经理", "采购经理", "工程师", "生产经理", "质量经理"];
    private static readonly string[] Departments = ["Management", "Procurement", "Engineering", "Finance", "Production", "Quality"];
    private static readonly string[] Summaries = ["季度业务回顾", "新产品技术交流", "年度框架协议谈判", "交付问题沟通", "高层拜访", "月度电话沟通", "陪同客户参观工厂", "2027 年价格谈判"];

    public async Task SeedAsync(string demoPassword, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(demoPassword);
        if (await db.Users.AnyAsync(u => u.Email == $"director@{Domain}", cancellationToken).ConfigureAwait(false))
        {
            LogSkipped(logger);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var begun = started;

        // All or nothing: a seed interrupted half-way must not leave users without their accounts.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var users = SeedUsers(demoPassword, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var random = new Random(20261123);
        var (accounts, revenueRows) = SeedAccounts(users, random, now);
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await revenue.UpsertAsync(revenueRows, now, cancellationToken).ConfigureAwait(false);

        // The order follows time: the survey opened six weeks ago, most answers came before last month's tiering run,
        // this month's run sees the few that came since; then the work of the last months, relative to today.
        var policy = await db.TierPolicies.AsNoTracking().FirstAsync(p => p.Status == PolicyStatus.Published, cancellationToken).ConfigureAwait(false);
        var survey = await OpenSurveyAsync(users, now, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        Phase("accounts", ref started);
        var responses = await RespondAsync(survey, users, accounts, now, late: false, cancellationToken).ConfigureAwait(false);
        Phase("survey", ref started);
        await SeedTiersAsync(transaction, policy, now, cancellationToken).ConfigureAwait(false);
        responses += await RespondAsync(survey, users, accounts, now, late: true, cancellationToken).ConfigureAwait(false);
        await RunTieringAsync(policy, now, cancellationToken).ConfigureAwait(false);
        Phase("tiering", ref started);

        // The runs moved tiers in SQL: the accounts are read again as they now are.
        db.ChangeTracker.Clear();
        accounts = await db.Accounts.AsNoTracking().Include(a => a.Contacts).OrderBy(a => a.RegistrationNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        var interactions = SeedInteractions(policy, accounts, random, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        Phase("interactions", ref started);
        var complaints = await SeedComplaintsAsync(policy, users, accounts, now, cancellationToken).ConfigureAwait(false);
        Phase("complaints", ref started);
        var plans = SeedPlans(accounts, users, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var milliseconds = (long)Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
        LogSeeded(logger, users.Count, accounts.Count, interactions, revenueRows.Count, complaints, plans, responses, milliseconds);
    }

    private Dictionary<string, User> SeedUsers(string demoPassword, DateTimeOffset now)
    {
        var hash = hasher.Hash(demoPassword);
        var users = DemoUsers.ToDictionary(
            u => u.Local,
            u => User.Create($"{u.Local}@{Domain}", hash, new UserProfile(u.Name, u.Role, u.Department, u.Head, UserLanguages.ChineseSimplified), now));
        var lines = DemoUsers.Where(u => u.Manager is not null).ToDictionary(u => users[u.Local].Id, u => (UserId?)users[u.Manager!].Id);
        foreach (var u in DemoUsers)
        {
            users[u.Local].AssignManager(u.Manager is null ? null : users[u.Manager].Id, id => lines.GetValueOrDefault(id));
        }

        db.Users.AddRange(users.Values);
        return users;
    }

    /// <summary>
    /// The accounts, their contacts and 24 months of revenue. Each account has a latent standing (its size's place in
    /// the portfolio, blurred by chance) that its growth, margin, strategic fit, potential and relationship length follow,
    /// as they tend to in a real portfolio: the default policy's weighted criteria then spread the accounts over the
    /// tiers the way a key-account portfolio looks (a few Strategic, more Key, a broad base), rather than ranking
    /// independent noise into a single Strategic account.
    /// </summary>
    private static (List<Account> Accounts, List<RevenueRow> Revenue) SeedAccounts(Dictionary<string, User> users, Random random, DateTimeOffset now)
    {
        var managers = new[] { users["accountmanager"], users["accountmanager2"] };
        var accounts = new List<Account>(AccountCount);
        var rows = new List<RevenueRow>();
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        for (var i = 0; i < AccountCount; i++)
        {
            var industry = random.Next(Industries.Length);
            // Two managers share most accounts; every tenth belongs to the director, so object-level access shows.
            var owner = i % 10 == 9 ? users["director"] : managers[i % 2];
            var standing = random.NextDouble();
            var size = Math.Pow(standing, 3); // long tail: a few large customers
            double Follow() => (0.7 * standing) + (0.3 * random.NextDouble());
            var monthly = Math.Round(20_000m + (decimal)size * 4_000_000m, 2);
            var status = i % 23 == 0 ? AccountStatus.Dormant : i % 37 == 0 ? AccountStatus.Prospect : AccountStatus.Active;
            var profile = new AccountProfile(
                $"{Prefixes[i % Prefixes.Length]}{IndustryWords[industry]}{(i / Prefixes.Length) + 1:D2}有限公司",
                string.Create(CultureInfo.InvariantCulture, $"9131{i:D6}MA{random.Next(100000, 999999)}X"),
                Industries[industry],
                Regions[random.Next(Regions.Length)],
                Segments[random.Next(Segments.Length)],
                status,
                1 + (int)Math.Round(Follow() * 4),
                new Money(Math.Round(monthly * 12 * (decimal)(1.2 + Follow()) / 1000m) * 1000m, "CNY"),
                thisMonth.AddMonths(-(6 + (int)(Follow() * 174))));
            var account = Account.Create(profile, owner.Id, now.AddDays(-random.Next(400, 2000)));

            // A first guess by size; the tiering of the default policy decides the tiers (SeedTiersAsync).
            account.AssignTier(size switch { > 0.5 => Tier.Strategic, > 0.2 => Tier.Key, > 0.05 => Tier.Growth, _ => Tier.Standard }, now);
            if (i % 5 == 0)
            {
                account.ReplaceTeam([new AccountTeamMember(managers[(i + 1) % 2].Id, AccountTeamRole.SalesEngineer), new AccountTeamMember(users["serviceagent"].Id, AccountTeamRole.ServiceLead)], now);
            }

            AddContacts(account, random, now);
            accounts.Add(account);
            if (status != AccountStatus.Prospect)
            {
                var trend = 0.9 + (Follow() * 0.3);
                var margin = 0.12 + (Follow() * 0.2);
                for (var m = 23; m >= 0; m--)
                {
                    var month = thisMonth.AddMonths(-m - 1);
                    var factor = (decimal)(Math.Pow(trend, (24 - m) / 12.0) * (0.8 + (random.NextDouble() * 0.4)));
                    var value = Math.Round(monthly * factor, 2);
                    rows.Add(new RevenueRow(account.Id, month, value, Math.Round(value * (decimal)(margin + (random.NextDouble() * 0.04)), 2), random.Next(1, 60), "CNY"));
                }
            }

            account.ClearDomainEvents();
        }

        return (accounts, rows);
    }

    /// <summary>
    /// Development plans for some Strategic and Key accounts (as this month's run left them), so that every part of the
    /// plans screens has something to show, in every status: active plans (one with an overdue initiative, one with
    /// its review held), plans waiting in the Director's inbox (one of them a revision of an active plan, with its
    /// changes), drafts, a draft the Director sent back with a comment, approved plans not yet started, completed and
    /// cancelled ones; the other Strategic and Key accounts have none and appear under "accounts that need a plan".
    /// </summary>
    private int SeedPlans(List<Account> accounts, Dictionary<string, User> users, DateTimeOffset now)
    {
        var today = PlanDay.Today(now);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-6);
        var director = users["director"].Id;
        var planned = accounts.Where(a => a.Tier is Tier.Strategic or Tier.Key && a.Status == AccountStatus.Active && a.OwnerId != director).Take(18).ToList();
        var count = 0;
        for (var i = 0; i < planned.Count; i++)
        {
            var account = planned[i];
            var owner = account.OwnerId;
            var content = DemoPlan(account, owner, users, start, today, i);
            var plan = DevelopmentPlan.Draft(account.Id, content, owner, today, now.AddDays(-60));

            // 0, 1: active; 2: submitted; 3: active with a submitted revision; 4: draft; 5: approved, not started;
            // 6: sent back by the Director (a draft again, with the comment); 7: completed; 8: cancelled.
            var stage = i % 9;
            if (stage != 4)
            {
                plan.Submit(owner, now.AddDays(-50));
            }

            if (stage == 6)
            {
                plan.Reject("请补充竞争对手分析，并把预算拆分到季度。", director, now.AddDays(-45));
            }

            if (stage is 0 or 1 or 3 or 5 or 7 or 8)
            {
                plan.Approve(director, null, null, now.AddDays(-45));
            }

            if (stage is 0 or 1 or 3 or 7 or 8)
            {
                plan.Activate(owner, start.AddDays(14), now.AddDays(-44));
                plan.RecordActual(plan.Objectives[2].Id, 1m, now);
                plan.SetInitiativeStatus(plan.Initiatives[0].Id, InitiativeStatus.Done, owner, null, start.AddDays(60), now);
                if (stage == 1)
                {
                    db.PlanReviews.Add(plan.RecordReview(start.AddMonths(3).AddDays(2), director, "加派技术支持，推进联合研发立项。", new Dictionary<PlanObjectiveId, string> { [plan.Objectives[0].Id] = "上半年订单受客户减产影响推迟。" }, today, now));
                }
            }

            if (stage == 7)
            {
                plan.Complete(owner, now.AddDays(-3));
            }
            else if (stage == 8)
            {
                plan.Cancel("客户被集团收购，采购转由集团统一管理。", director, now.AddDays(-10));
            }

            db.DevelopmentPlans.Add(plan);
            count++;
            if (stage == 3)
            {
                var next = plan.Revise(owner, null, now);
                var revised = DemoPlan(account, owner, users, start, today, i) with { Title = content.Title + "（修订）" };
                next.Edit(revised with
                {
                    Objectives = [.. next.Objectives.Select((o, k) => new ObjectiveInput(o.Id, o.Title, k == 0 ? o.Measure with { Target = Thousands(o.Measure.Target * 1.1m) } : o.Measure, o.DueDate, o.Measure.IsComputed ? null : o.Actual))],
                    Initiatives = [.. next.Initiatives.Select(x => new InitiativeInput(x.Id, x.Title, x.OwnerId, x.Department, x.DueDate, x.Status, x.ObjectiveId is { } oid ? next.Objectives.ToList().FindIndex(o => o.Id == oid) : null, x.Budget, x.PersonDays))],
                }, today, now);
                next.Submit(owner, now);
                next.ClearDomainEvents();
                db.DevelopmentPlans.Add(next);
                count++;
            }

            plan.ClearDomainEvents();
        }

        return count;
    }

    private static PlanContent DemoPlan(Account account, UserId owner, Dictionary<string, User> users, DateOnly start, DateOnly today, int i)
    {
        var end = start.AddYears(2).AddDays(-1);
        var ttm = Thousands((account.PotentialAnnualRevenue?.Amount ?? 10_000_000m) / 1.6m);
        return new PlanContent(
            $"{account.Name} {start.Year}–{end.Year} 客户发展计划",
            owner,
            start,
            end,
            "以本地化技术服务和联合研发，成为客户华东扩产项目的首选供应商。",
            ["扩大钱包份额", "进入客户研发环节", "提升服务满意度"],
            DevelopmentPlan.DefaultReviewCadenceMonths,
            [
                new ObjectiveInput(null, "年销售额（TTM）提升 30%", new Measure(MeasureUnit.Currency, MeasureDirection.HigherIsBetter, ttm, Thousands(ttm * 1.3m), "CNY", MeasureSource.TtmRevenue), end, null),
                new ObjectiveInput(null, "投诉 SLA 达成率达到 95%", new Measure(MeasureUnit.Percent, MeasureDirection.HigherIsBetter, 85m, 95m, null, MeasureSource.ComplaintSlaCompliance), start.AddYears(1).AddDays(-1), null),
                new ObjectiveInput(null, "联合研发项目", new Measure(MeasureUnit.Number, MeasureDirection.HigherIsBetter, 0m, 3m, null, MeasureSource.Manual), end, null),
            ],
            [
                new InitiativeInput(null, "高层拜访与年度业务回顾", owner, UserDepartment.Sales, start.AddMonths(2), InitiativeStatus.NotStarted, 0, new Money(30_000m, "CNY"), 5m),
                // Due last month and still in progress: overdue.
                new InitiativeInput(null, "驻厂技术支持", users["serviceagent"].Id, UserDepartment.Service, today.AddDays(-20 - i), InitiativeStatus.InProgress, 1, new Money(120_000m, "CNY"), 40m),
                new InitiativeInput(null, "联合研发立项", owner, UserDepartment.Technical, start.AddMonths(12), InitiativeStatus.InProgress, 2, new Money(500_000m, "CNY"), 120m),
                new InitiativeInput(null, "定制化产品方案", users["director"].Id, UserDepartment.Product, start.AddMonths(18), InitiativeStatus.NotStarted, 0, null, 60m),
            ],
            [new Milestone("框架协议续签", start.AddMonths(6), null), new Milestone("联合研发样机交付", start.AddMonths(15), null)],
            [.. account.Contacts.Take(2).Select(c => new Stakeholder(c.Id.Value, c.BuyingRole == BuyingRole.DecisionMaker ? "最终决策人" : null))],
            [
                new SwotItem(SwotQuadrant.Strength, "交付稳定，技术服务响应快", null),
                new SwotItem(SwotQuadrant.Weakness, "价格高于本地竞争对手约 8%", null),
                new SwotItem(SwotQuadrant.Opportunity, "客户华东新工厂 2027 年投产", new Evidence(EvidenceKind.RevenueTrend, "TTM")),
                new SwotItem(SwotQuadrant.Threat, "竞争对手提供账期优惠", null),
            ]);
    }

    private static decimal Thousands(decimal value) => Math.Round(value / 1000m, MidpointRounding.AwayFromZero) * 1000m;

    private static void AddContacts(Account account, Random random, DateTimeOffset now)
    {
        var count = random.Next(2, 7);
        Contact? top = null;
        for (var c = 0; c < count; c++)
        {
            var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)] + (random.Next(2) == 0 ? GivenNames[random.Next(GivenNames.Length)] : string.Empty);
            var contact = account.AddContact(
                new ContactDetails(
                    name,
                    c == 0 ? Titles[0] : Titles[random.Next(1, Titles.Length)],
                    Departments[random.Next(Departments.Length)],
                    $"contact{c}.{account.RegistrationNumber.ToLowerInvariant()}@example.cn",
                    $"+86 21 {random.Next(5000, 9999)} {random.Next(1000, 9999)}",
                    random.Next(4) == 0 ? DateOnly.FromDateTime(now.UtcDateTime).AddYears(-random.Next(28, 60)).AddDays(random.Next(-3, 20)) : null,
                    c == 0 && random.Next(5) != 0 ? BuyingRole.DecisionMaker : (BuyingRole)random.Next(1, 5),
                    (Attitude)random.Next(5),
                    top?.Id,
                    (RelationshipLevel)random.Next(3),
                    RelationshipLevel.TrustedAdvisor),
                now);
            top ??= contact;
        }
    }

    private void Phase(string name, ref long started)
    {
        var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogPhase(logger, name, ms);
        started = Stopwatch.GetTimestamp();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo phase {Phase}: {Milliseconds} ms")]
    private static partial void LogPhase(ILogger logger, string phase, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; not seeding again")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data in {Milliseconds} ms: {Users} users, {Accounts} accounts, {Interactions} interactions, {Revenue} revenue months, {Complaints} complaints, {Plans} development plans, {Responses} survey responses")]
    private static partial void LogSeeded(ILogger logger, int users, int accounts, int interactions, int revenue, int complaints, int plans, int responses, long milliseconds);
}
