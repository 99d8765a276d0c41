using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Application.Complaints.ListComplaints;
using KeyAccount.Application.Dashboard.ListOverdueContacts;
using KeyAccount.Application.Reminders.ListMyReminders;
using KeyAccount.Application.Surveys.FollowUps;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Reminders;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Workspace.GetMyDay;

/// <summary>An open next step agreed in an interaction, due within the coming week or overdue.</summary>
/// <param name="InteractionId">The interaction it was logged with (mark it done at its <c>next-step/complete</c>).</param>
/// <param name="AccountId">The account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="NextStep" example="发送季度业务回顾材料">The next step as it was logged.</param>
/// <param name="DueDate">The day it is due (the business calendar, China Standard Time).</param>
/// <param name="Status">Overdue, DueToday or DueThisWeek, decided by the server against today in Beijing.</param>
/// <param name="InteractionType">The interaction it came from.</param>
/// <param name="OccurredAt">When that interaction took place (UTC).</param>
/// <param name="LoggedBy">Who logged it.</param>
public sealed record MyDayNextStepDto(
    InteractionId InteractionId, AccountId AccountId, string AccountName, string NextStep, DateOnly DueDate, DueStatus Status,
    InteractionType InteractionType, DateTimeOffset OccurredAt, UserId LoggedBy);

/// <summary>One of the user's open reminders, with where it stands against today.</summary>
/// <param name="Reminder">The reminder (dismiss it at <c>POST /api/v1/me/reminders/{id}/dismiss</c>).</param>
/// <param name="Status">Overdue, DueToday or DueThisWeek.</param>
public sealed record MyDayReminderDto(ReminderDto Reminder, DueStatus Status);

/// <summary>An initiative of a development plan in force that the user owns, not done, due within the week or overdue.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="PlanId">Its plan (open it at <c>/api/v1/development-plans/{id}</c>).</param>
/// <param name="PlanTitle" example="华东制造 2027–2028 客户发展计划">The plan's title.</param>
/// <param name="AccountId">The plan's account.</param>
/// <param name="AccountName" example="华东精密制造有限公司">Its name.</param>
/// <param name="Title" example="驻厂技术支持">The initiative.</param>
/// <param name="DueDate">The day it is due.</param>
/// <param name="InitiativeStatus">NotStarted, InProgress or Blocked.</param>
/// <param name="Status">Overdue (the plan's rule: not done and its day has passed), DueToday or DueThisWeek.</param>
public sealed record MyDayInitiativeDto(
    PlanInitiativeId InitiativeId, DevelopmentPlanId PlanId, string PlanTitle, AccountId AccountId, string AccountName, string Title, DateOnly DueDate,
    InitiativeStatus InitiativeStatus, DueStatus Status);

/// <summary>
/// A user's day: what is due or overdue for them, each section read from its one home. Sections the caller's role may
/// not read are null (not empty): complaints need <c>complaints:read</c>, initiatives <c>plans:read</c>, survey
/// follow-ups <c>surveys:followups</c>.
/// </summary>
/// <param name="OwnerId">Whose day it is.</param>
/// <param name="Today">Today on the business calendar (China Standard Time).</param>
/// <param name="Horizon">The last day of "this week" (today + 7).</param>
/// <param name="NextSteps">Open next steps on the user's accounts or logged by the user, overdue first, then by due date (at most 100).</param>
/// <param name="Reminders">The user's open reminders due by the horizon, other than next steps and overdue contact (their own sections), oldest due first (at most 100).</param>
/// <param name="OverdueContacts">The user's accounts past their tier's contact cadence, longest overdue first (at most 50).</param>
/// <param name="OverdueContactsTotal">How many accounts are overdue for contact in all.</param>
/// <param name="Complaints">Open complaints on the user's accounts, the most urgent stored due instant first (at most 50).</param>
/// <param name="Initiatives">Initiatives the user owns in plans in force, due by the horizon or overdue (at most 50).</param>
/// <param name="FollowUps">The user's open survey follow-ups, by due time (at most 50).</param>
public sealed record MyDayDto(
    UserId OwnerId,
    DateOnly Today,
    DateOnly Horizon,
    IReadOnlyList<MyDayNextStepDto> NextSteps,
    IReadOnlyList<MyDayReminderDto> Reminders,
    IReadOnlyList<OverdueContactDto> OverdueContacts,
    int OverdueContactsTotal,
    IReadOnlyList<ComplaintSummaryDto>? Complaints,
    IReadOnlyList<MyDayInitiativeDto>? Initiatives,
    IReadOnlyList<SurveyFollowUpDto>? FollowUps);

/// <summary>The caller's day, or (for a caller who sees every account, e.g. a Director) <paramref name="OwnerId"/>'s.</summary>
public sealed record GetMyDayQuery(UserId? OwnerId = null) : IQuery<MyDayDto>;

/// <summary>
/// Composes the day from each rule's home: next steps and initiatives are selected up to <see cref="DueWindow.Horizon"/>
/// and classified by the domain (<see cref="Interaction.NextStepStatus"/>, <see cref="PlanInitiative.IsOverdue"/>,
/// <see cref="DueWindow"/>); overdue contacts come from the dashboard's reader (the tier cadence's one SQL home);
/// complaints and follow-ups show their stored SLA state. "Today" is <see cref="BusinessDay"/>.
/// </summary>
public sealed class GetMyDayHandler(IAppDbContext db, ICurrentUser user, IAccountSignals signals, TimeProvider clock) : IQueryHandler<GetMyDayQuery, MyDayDto>
{
    private const int NextStepLimit = 100;
    private const int SectionLimit = 50;

    public async ValueTask<MyDayDto> Handle(GetMyDayQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var restricted = AccountAccess.RestrictedTo(user);
        var owner = query.OwnerId ?? user.UserId ?? throw new ForbiddenException("An API client has no day of its own: pass ownerId.");
        if (restricted is { } me && owner != me)
        {
            throw new ForbiddenException("An account manager sees only their own day.");
        }

        var now = clock.GetUtcNow();
        var today = BusinessDay.Today(now);
        var horizon = DueWindow.Horizon(today);
        var visible = db.VisibleAccounts(user);

        var steps = await db.Interactions.AsNoTracking()
            .Where(i => i.NextStepDue != null && i.NextStepDoneAt == null && i.NextStepDue <= horizon)
            .Where(i => visible.Any(a => a.Id == i.AccountId && (a.OwnerId == owner || i.LoggedBy == owner)))
            .OrderBy(i => i.NextStepDue).ThenBy(i => i.CreatedAt)
            .Take(NextStepLimit)
            .Join(db.Accounts, i => i.AccountId, a => a.Id, (i, a) => new { Interaction = i, AccountName = a.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var nextSteps = steps
            .Select(x => (x.Interaction, x.AccountName, Status: x.Interaction.NextStepStatus(today)))
            .Where(x => x.Status is not null and not DueStatus.Later)
            .Select(x => new MyDayNextStepDto(x.Interaction.Id, x.Interaction.AccountId, x.AccountName, x.Interaction.NextStep!, x.Interaction.NextStepDue!.Value,
                x.Status!.Value, x.Interaction.Type, x.Interaction.OccurredAt, x.Interaction.LoggedBy))
            .ToList();

        var reminderRows = await db.Reminders.AsNoTracking()
            .Where(r => r.UserId == owner && r.DismissedAt == null && r.DueDate <= horizon
                        && r.Kind != ReminderKind.NextStepDue && r.Kind != ReminderKind.OverdueContact)
            .Where(r => visible.Any(a => a.Id == r.AccountId))
            .OrderBy(r => r.DueDate).ThenBy(r => r.CreatedAt)
            .Take(NextStepLimit)
            .Join(db.Accounts, r => r.AccountId, a => a.Id, (r, a) => new { Reminder = r, AccountName = a.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reminders = reminderRows
            .Select(x => new MyDayReminderDto(
                new ReminderDto(x.Reminder.Id, x.Reminder.AccountId, x.AccountName, x.Reminder.Kind, x.Reminder.SubjectId, x.Reminder.DueDate,
                    x.Reminder.Message, ReminderArgsDto.From(x.Reminder.Args), x.Reminder.CreatedAt),
                DueWindow.Classify(x.Reminder.DueDate, today)))
            .ToList();

        var (overdueRows, overdueTotal) = await signals.ReadOverdueAsync(user.Scope(owner), now, 0, SectionLimit, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<ComplaintSummaryDto>? complaints = null;
        if (user.Can(Permissions.ComplaintsRead))
        {
            var open = ListComplaintsHandler.Filter(db, user, now, new ListComplaintsQuery { OpenOnly = true })
                .Where(c => db.Accounts.Any(a => a.Id == c.AccountId && a.OwnerId == owner));
            complaints = await ListComplaintsHandler.Project(db, ListComplaintsHandler.Order(open).Take(SectionLimit))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<MyDayInitiativeDto>? initiatives = null;
        if (user.Can(Permissions.PlansRead))
        {
            var rows = await db.DevelopmentPlans.AsNoTracking()
                .Where(p => (p.Status == PlanStatus.Approved || p.Status == PlanStatus.Active) && visible.Any(a => a.Id == p.AccountId))
                .SelectMany(p => p.Initiatives
                    .Where(i => i.OwnerId == owner && i.Status != InitiativeStatus.Done && i.DueDate <= horizon)
                    .Select(i => new { Initiative = i, p.Title, p.AccountId }))
                .OrderBy(x => x.Initiative.DueDate)
                .Take(SectionLimit)
                .Join(db.Accounts, x => x.AccountId, a => a.Id, (x, a) => new { x.Initiative, x.Title, x.AccountId, AccountName = a.Name })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            initiatives = [.. rows.Select(x => new MyDayInitiativeDto(
                x.Initiative.Id, x.Initiative.PlanId, x.Title, x.AccountId, x.AccountName, x.Initiative.Title, x.Initiative.DueDate, x.Initiative.Status,
                x.Initiative.IsOverdue(today) ? DueStatus.Overdue : DueWindow.Classify(x.Initiative.DueDate, today)))];
        }

        IReadOnlyList<SurveyFollowUpDto>? followUps = null;
        if (user.Can(Permissions.SurveysFollowUps))
        {
            var mine = FollowUpReading.VisibleTo(db, user, db.SurveyFollowUps.AsNoTracking().Where(f => f.OwnerId == owner && f.Status == FollowUpStatus.Open))
                .OrderBy(f => f.DueAt).ThenBy(f => f.Id).Take(SectionLimit);
            followUps = await FollowUpReading.Project(db, mine).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return new MyDayDto(owner, today, horizon, nextSteps, reminders, [.. overdueRows.Select(r => OverdueContactDto.From(r, now))], overdueTotal,
            complaints, initiatives, followUps);
    }
}
