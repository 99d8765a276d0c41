using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Reminders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Reminders.ListMyReminders;

/// <summary>A reminder for the signed-in user.</summary>
/// <param name="Id">Reminder id.</param>
/// <param name="AccountId">The account concerned.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="Kind">OverdueContact, ContactBirthday, NextStepDue, TierChanged, ComplaintAtRisk or ComplaintEscalated.</param>
/// <param name="SubjectId">The account, contact, interaction or complaint the reminder is about.</param>
/// <param name="DueDate">When it is (or was) due.</param>
/// <param name="Message" example="No interaction for 45 days; the tier expects one every 30 days.">What to do, in English (a fallback: render the kind and its arguments in the reader's language).</param>
/// <param name="Args">The reminder's arguments: what a client needs to say it in the reader's language (each kind sets its own, see ReminderArgsDto).</param>
/// <param name="CreatedAt">When the reminder job recorded it.</param>
public sealed record ReminderDto(Guid Id, AccountId AccountId, string AccountName, ReminderKind Kind, Guid SubjectId, DateOnly DueDate, string Message, ReminderArgsDto? Args, DateTimeOffset CreatedAt);

/// <summary>The arguments of a reminder; each kind sets its own, the others are null.</summary>
/// <param name="ComplaintReference" example="CMP-2026-000123">ComplaintAtRisk, ComplaintEscalated: the complaint's reference.</param>
/// <param name="ComplaintSubject" example="Three pallets missing from order SO-88121">ComplaintAtRisk, ComplaintEscalated: its subject.</param>
/// <param name="Clock">ComplaintAtRisk, ComplaintEscalated: the SLA clock (FirstResponse or Resolution).</param>
/// <param name="Level">ComplaintAtRisk, ComplaintEscalated: 0 at risk (80 % of the target used), 1 breached, 2 twice the target passed.</param>
/// <param name="Tier">OverdueContact: the account's tier, whose service programme sets the cadence.</param>
/// <param name="CadenceDays" example="30">OverdueContact: the tier's contact cadence in days.</param>
/// <param name="ContactName" example="王丽">ContactBirthday: the contact whose birthday it is (the due date is the birthday).</param>
/// <param name="NextStep" example="发送季度业务回顾材料">NextStepDue: the next step as it was logged with the interaction.</param>
/// <param name="FromTier">TierChanged: the tier before the run.</param>
/// <param name="ToTier">TierChanged: the tier the run gave.</param>
/// <param name="Score" example="82.4">TierChanged: the account's score in that run (0–100).</param>
/// <param name="PlanTitle" example="华东制造 2027–2028 客户发展计划">InitiativeOverdue, PlanReviewDue: the development plan's title (PlanReviewDue's subject is the plan).</param>
/// <param name="InitiativeTitle" example="驻厂技术支持">InitiativeOverdue: the initiative (the reminder's subject).</param>
/// <param name="InitiativeDueDate">InitiativeOverdue: the date it was due.</param>
/// <param name="PlanId">InitiativeOverdue: the plan the initiative belongs to.</param>
/// <param name="PlanNeed">AccountNeedsPlan: why the account needs a plan (NoPlan, NotApproved, Expired); Tier is its tier.</param>
public sealed record ReminderArgsDto(
    string? ComplaintReference, string? ComplaintSubject, SlaClockKind? Clock, int? Level,
    Tier? Tier, int? CadenceDays, string? ContactName, string? NextStep, Tier? FromTier, Tier? ToTier, decimal? Score,
    string? PlanTitle, string? InitiativeTitle, DateOnly? InitiativeDueDate, Guid? PlanId, Domain.DevelopmentPlans.PlanNeedReason? PlanNeed)
{
    public static ReminderArgsDto? From(ReminderArgs? args) => args is null ? null : new(
        args.ComplaintReference, args.ComplaintSubject, args.Clock, args.Level,
        args.Tier, args.CadenceDays, args.ContactName, args.NextStep, args.FromTier, args.ToTier, args.Score,
        args.PlanTitle, args.InitiativeTitle, args.InitiativeDueDate, args.PlanId, args.PlanNeed);
}

/// <summary>The caller's open reminders, most urgent first (at most 200).</summary>
public sealed record ListMyRemindersQuery : IQuery<IReadOnlyList<ReminderDto>>;

public sealed class ListMyRemindersHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListMyRemindersQuery, IReadOnlyList<ReminderDto>>
{
    public async ValueTask<IReadOnlyList<ReminderDto>> Handle(ListMyRemindersQuery query, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new ForbiddenException("Reminders are a signed-in user's; an API client has none.");
        var rows = await db.Reminders.AsNoTracking()
            .Where(r => r.UserId == me && r.DismissedAt == null)
            .OrderBy(r => r.DueDate).ThenBy(r => r.CreatedAt)
            .Take(200)
            .Join(db.Accounts, r => r.AccountId, a => a.Id, (r, a) => new { Reminder = r, AccountName = a.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(x => new ReminderDto(x.Reminder.Id, x.Reminder.AccountId, x.AccountName, x.Reminder.Kind, x.Reminder.SubjectId, x.Reminder.DueDate,
            x.Reminder.Message, ReminderArgsDto.From(x.Reminder.Args), x.Reminder.CreatedAt))];
    }
}
