using System.Globalization;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Reminders;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeyAccount.Infrastructure.Email;

/// <summary>
/// Reminders (escalations among them) reach their users by mail as well as in the app: each run takes the reminders
/// not mailed yet, marks them, and queues one message per user listing them in the user's language — in one
/// transaction, so a reminder is mailed once even with several replicas (the marking UPDATE locks its rows).
/// Reminders older than two days when first seen (a sender that was down) are marked without a message: stale news.
/// </summary>
public sealed class ReminderMailer(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock)
{
    private const int Batch = 2000;

    public sealed record Picked(Guid UserId, string Email, string DisplayName, string Language, string Kind, string? Args, string AccountName, DateOnly DueDate);

    /// <summary>Queues the digests of reminders not mailed yet; returns the reminders covered.</summary>
    public async Task<int> QueueDigestsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var picked = await db.Database.SqlQueryRaw<Picked>(
                $"""
                WITH picked AS (
                    UPDATE reminders r SET mailed_at = @now
                    WHERE r.id IN (SELECT id FROM reminders WHERE mailed_at IS NULL ORDER BY created_at LIMIT {Batch} FOR UPDATE SKIP LOCKED)
                    RETURNING r.user_id, r.account_id, r.kind, r.args, r.due_date, r.created_at, r.dismissed_at
                )
                SELECT p.user_id, u.email, u.display_name, u.language, p.kind, p.args::text AS args, a.name AS account_name, p.due_date
                FROM picked p
                JOIN users u ON u.id = p.user_id AND u.is_active
                JOIN accounts a ON a.id = p.account_id
                WHERE p.dismissed_at IS NULL AND p.created_at > @stale
                ORDER BY p.user_id, p.due_date
                """,
                new NpgsqlParameter("now", now), new NpgsqlParameter("stale", now - TimeSpan.FromDays(2)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var user in picked.GroupBy(p => p.UserId))
        {
            var first = user.First();
            var english = first.Language == "en";
            var lines = user.Select(p => "- " + Line(p, english)).ToList();
            var args = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["count"] = lines.Count.ToString(CultureInfo.InvariantCulture),
                ["items"] = string.Join("\n", lines),
            };
            if (options.Value.PublicBaseUrl is { Length: > 0 } baseUrl)
            {
                args["link"] = baseUrl.TrimEnd('/') + "/reminders";
            }

            mail.Enqueue(new MailRequest(first.Email, first.DisplayName, first.Language, MailKind.Reminders, args));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return picked.Count;
    }

    /// <summary>One reminder in words, from its kind and arguments (the same data the browser client renders).</summary>
    public static string Line(Picked reminder, bool english)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var a = string.IsNullOrEmpty(reminder.Args) ? new ReminderArgs() : Persistence.Configurations.ReminderArgsJson.Read(reminder.Args) ?? new ReminderArgs();
        var due = reminder.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var account = reminder.AccountName;
        string T(Tier? tier) => tier switch
        {
            null => "—",
            _ when english => tier.Value.ToString(),
            Tier.Strategic => "战略客户",
            Tier.Key => "重点客户",
            Tier.Growth => "成长客户",
            _ => "普通客户",
        };
        string C(SlaClockKind? clockKind) => (clockKind, english) switch
        {
            (SlaClockKind.FirstResponse, true) => "first response",
            (SlaClockKind.FirstResponse, false) => "首次响应",
            (_, true) => "resolution",
            _ => "解决",
        };
        static string D(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        string N(PlanNeedReason? reason) => (reason, english) switch
        {
            (PlanNeedReason.NotApproved, true) => "only a draft",
            (PlanNeedReason.NotApproved, false) => "仅有草稿",
            (PlanNeedReason.Expired, true) => "the last plan has ended",
            (PlanNeedReason.Expired, false) => "上一计划已到期",
            (_, true) => "no plan",
            _ => "尚无计划",
        };
        var kind = Enum.TryParse<ReminderKind>(reminder.Kind, out var k) ? k : (ReminderKind?)null;
        return (kind, english) switch
        {
            (ReminderKind.OverdueContact, true) => $"{account}: no contact within the {T(a.Tier)} cadence of {a.CadenceDays} days",
            (ReminderKind.OverdueContact, false) => $"{account}：超过{T(a.Tier)}的联系周期（{a.CadenceDays} 天）未互动",
            (ReminderKind.ContactBirthday, true) => $"{account}: {a.ContactName}'s birthday on {due}",
            (ReminderKind.ContactBirthday, false) => $"{account}：{a.ContactName} {due} 生日",
            (ReminderKind.NextStepDue, true) => $"{account}: next step \"{a.NextStep}\" due {due}",
            (ReminderKind.NextStepDue, false) => $"{account}：下一步“{a.NextStep}”{due} 到期",
            (ReminderKind.TierChanged, true) => $"{account}: tier {T(a.FromTier)} → {T(a.ToTier)} (score {a.Score?.ToString("0.#", CultureInfo.InvariantCulture)})",
            (ReminderKind.TierChanged, false) => $"{account}：客户等级 {T(a.FromTier)} → {T(a.ToTier)}（得分 {a.Score?.ToString("0.#", CultureInfo.InvariantCulture)}）",
            (ReminderKind.ComplaintAtRisk, true) => $"{account}: complaint {a.ComplaintReference} \"{a.ComplaintSubject}\" is close to its {C(a.Clock)} target",
            (ReminderKind.ComplaintAtRisk, false) => $"{account}：投诉 {a.ComplaintReference}“{a.ComplaintSubject}”即将超出{C(a.Clock)}时限",
            (ReminderKind.ComplaintEscalated, true) => $"{account}: complaint {a.ComplaintReference} \"{a.ComplaintSubject}\" escalated to level {a.Level} ({C(a.Clock)} target missed)",
            (ReminderKind.ComplaintEscalated, false) => $"{account}：投诉 {a.ComplaintReference}“{a.ComplaintSubject}”已升级至第 {a.Level} 级（{C(a.Clock)}超时）",
            (ReminderKind.InitiativeOverdue, true) => $"{account}: initiative \"{a.InitiativeTitle}\" of plan \"{a.PlanTitle}\" was due {D(a.InitiativeDueDate)} and is not done",
            (ReminderKind.InitiativeOverdue, false) => $"{account}：发展计划“{a.PlanTitle}”的举措“{a.InitiativeTitle}”已于 {D(a.InitiativeDueDate)} 到期，尚未完成",
            (ReminderKind.PlanReviewDue, true) => $"{account}: plan \"{a.PlanTitle}\" is due for review on {due}",
            (ReminderKind.PlanReviewDue, false) => $"{account}：发展计划“{a.PlanTitle}”应于 {due} 复盘",
            (ReminderKind.AccountNeedsPlan, true) => $"{account}: a {T(a.Tier)} account needs an approved development plan ({N(a.PlanNeed)})",
            (ReminderKind.AccountNeedsPlan, false) => $"{account}：{T(a.Tier)}需要已批准的客户发展计划（{N(a.PlanNeed)}）",
            (ReminderKind.SurveyFollowUpDue, true) => a.Level switch
            {
                >= 2 => $"{account}: the survey follow-up with {a.ContactName} is overdue by twice its target",
                1 => $"{account}: the survey follow-up with {a.ContactName} is overdue",
                _ => $"{account}: the survey follow-up with {a.ContactName} is due soon",
            },
            (ReminderKind.SurveyFollowUpDue, false) => a.Level switch
            {
                >= 2 => $"{account}：对{a.ContactName}的满意度回访超期已达目标时限的两倍",
                1 => $"{account}：对{a.ContactName}的满意度回访已超期",
                _ => $"{account}：对{a.ContactName}的满意度回访即将到期",
            },
            _ => $"{account}: {reminder.Kind} {due}",
        };
    }
}
