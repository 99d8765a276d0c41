using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Complaints.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using Severity = KeyAccount.Domain.Complaints.Severity;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Complaints.ListComplaints;

/// <summary>The complaints queue: filters, most urgent first, one page.</summary>
public sealed record ListComplaintsQuery : IQuery<PagedResult<ComplaintSummaryDto>>
{
    public ComplaintStatus? Status { get; init; }

    public Severity? Severity { get; init; }

    public Tier? Tier { get; init; }

    public ComplaintCategory? Category { get; init; }

    public AccountId? AccountId { get; init; }

    public UserId? AssigneeId { get; init; }

    /// <summary>Only complaints assigned to the caller.</summary>
    public bool Mine { get; init; }

    public SlaState? SlaState { get; init; }

    /// <summary>Only open complaints whose running target has passed.</summary>
    public bool Overdue { get; init; }

    /// <summary>Only complaints not yet resolved or closed.</summary>
    public bool OpenOnly { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListComplaintsValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

/// <summary>
/// Projects in SQL. The SLA state of a row comes from the flags the escalation scan keeps (at most a minute behind)
/// and the due instant, so that filtering by it is indexable; the detail recomputes it exactly.
/// </summary>
public sealed class ListComplaintsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListComplaintsQuery, PagedResult<ComplaintSummaryDto>>
{
    private static readonly ComplaintStatus[] Stopped = [ComplaintStatus.Resolved, ComplaintStatus.Closed];

    public async ValueTask<PagedResult<ComplaintSummaryDto>> Handle(ListComplaintsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var visible = db.Accounts.VisibleTo(user);
        var rows =
            from c in db.Complaints.AsNoTracking()
            join a in visible on c.AccountId equals a.Id
            select new { c, AccountName = a.Name };
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.c.Status == status);
        }

        if (query.OpenOnly)
        {
            rows = rows.Where(r => !Stopped.Contains(r.c.Status));
        }

        if (query.Severity is { } severity)
        {
            rows = rows.Where(r => r.c.Severity == severity);
        }

        if (query.Tier is { } tier)
        {
            rows = rows.Where(r => r.c.TierAtIntake == tier);
        }

        if (query.Category is { } category)
        {
            rows = rows.Where(r => r.c.Category == category);
        }

        if (query.AccountId is { } account)
        {
            rows = rows.Where(r => r.c.AccountId == account);
        }

        var assignee = query.Mine ? user.UserId : query.AssigneeId;
        if (assignee is { } who)
        {
            rows = rows.Where(r => r.c.AssigneeId == who);
        }

        if (query.Overdue)
        {
            rows = rows.Where(r => !Stopped.Contains(r.c.Status)
                && ((r.c.Status == ComplaintStatus.New && r.c.FirstResponseDueAt < now) || (r.c.Status != ComplaintStatus.New && r.c.ResolutionDueAt < now)));
        }

        rows = query.SlaState switch
        {
            SlaState.Breached => rows.Where(r => (r.c.Status == ComplaintStatus.New && r.c.FirstResponseBreached) || r.c.ResolutionBreached),
            SlaState.AtRisk => rows.Where(r => r.c.AtRiskNotified && !r.c.ResolutionBreached && !(r.c.Status == ComplaintStatus.New && r.c.FirstResponseBreached)),
            SlaState.OnTime => rows.Where(r => !r.c.AtRiskNotified && !r.c.ResolutionBreached && !r.c.FirstResponseBreached),
            _ => rows,
        };

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows
            .OrderBy(r => Stopped.Contains(r.c.Status))
            .ThenBy(r => r.c.Status == ComplaintStatus.New ? r.c.FirstResponseDueAt : r.c.ResolutionDueAt)
            .ThenByDescending(r => r.c.ReceivedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new
            {
                r.c.Id, r.c.Reference, r.c.AccountId, r.AccountName, r.c.TierAtIntake, r.c.Severity, r.c.Category, r.c.Subject, r.c.Status,
                r.c.AssigneeId,
                AssigneeName = db.Users.Where(u => u.Id == r.c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                r.c.ReceivedAt, r.c.FirstResponseDueAt, r.c.ResolutionDueAt, r.c.FirstResponseBreached, r.c.ResolutionBreached, r.c.AtRiskNotified, r.c.EscalationLevel,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<ComplaintSummaryDto>(
            [.. page.Select(r =>
            {
                var due = r.Status == ComplaintStatus.New ? r.FirstResponseDueAt : r.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? null : r.ResolutionDueAt;
                var breached = (r.Status == ComplaintStatus.New && r.FirstResponseBreached) || r.ResolutionBreached || (due is { } d && d <= now);
                var state = breached ? SlaState.Breached : r.AtRiskNotified ? SlaState.AtRisk : SlaState.OnTime;
                return new ComplaintSummaryDto(r.Id, r.Reference, r.AccountId, r.AccountName, r.TierAtIntake, r.Severity, r.Category, r.Subject, r.Status,
                    r.AssigneeId, r.AssigneeName, r.ReceivedAt, due, state, r.EscalationLevel);
            })],
            query.Page, query.PageSize, total, null);
    }
}
