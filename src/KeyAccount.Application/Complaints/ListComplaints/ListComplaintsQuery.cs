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
public sealed record ListComplaintsQuery : IQuery<PagedResult<ComplaintSummaryDto>>, IPagedQuery
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
        Include(PagingValidator.Instance);
    }
}

/// <summary>
/// Projects in SQL, ordered by the stored queue columns and their index (see <see cref="QueueColumns"/>). The SLA
/// state of a row comes from the flags the escalation scan keeps (at most a minute behind) and the due instant; the
/// detail recomputes it exactly.
/// </summary>
public sealed class ListComplaintsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListComplaintsQuery, PagedResult<ComplaintSummaryDto>>
{
    public async ValueTask<PagedResult<ComplaintSummaryDto>> Handle(ListComplaintsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        // Roles that see every account read complaints alone; an AccountManager's are those of visible accounts.
        var rows = db.Complaints.AsNoTracking();
        if (user.Role == Role.AccountManager)
        {
            var visible = db.Accounts.VisibleTo(user);
            rows = rows.Where(c => visible.Any(a => a.Id == c.AccountId));
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        if (query.OpenOnly)
        {
            rows = rows.Where(c => !EF.Property<bool>(c, QueueColumns.IsStopped));
        }

        if (query.Severity is { } severity)
        {
            rows = rows.Where(c => c.Severity == severity);
        }

        if (query.Tier is { } tier)
        {
            rows = rows.Where(c => c.TierAtIntake == tier);
        }

        if (query.Category is { } category)
        {
            rows = rows.Where(c => c.Category == category);
        }

        if (query.AccountId is { } account)
        {
            rows = rows.Where(c => c.AccountId == account);
        }

        var assignee = query.Mine ? user.UserId : query.AssigneeId;
        if (assignee is { } who)
        {
            rows = rows.Where(c => c.AssigneeId == who);
        }

        if (query.Overdue)
        {
            rows = rows.Where(c => !EF.Property<bool>(c, QueueColumns.IsStopped) && EF.Property<DateTimeOffset?>(c, QueueColumns.QueueDueAt) < now);
        }

        rows = query.SlaState switch
        {
            SlaState.Breached => rows.Where(c => (c.Status == ComplaintStatus.New && c.FirstResponseBreached) || c.ResolutionBreached),
            SlaState.AtRisk => rows.Where(c => c.AtRiskNotified && !c.ResolutionBreached && !(c.Status == ComplaintStatus.New && c.FirstResponseBreached)),
            SlaState.OnTime => rows.Where(c => !c.AtRiskNotified && !c.ResolutionBreached && !c.FirstResponseBreached),
            _ => rows,
        };

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows
            .OrderBy(c => EF.Property<bool>(c, QueueColumns.IsStopped))
            .ThenBy(c => EF.Property<DateTimeOffset?>(c, QueueColumns.QueueDueAt))
            .ThenByDescending(c => c.ReceivedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(c => new
            {
                c.Id, c.Reference, c.AccountId,
                AccountName = db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault() ?? string.Empty,
                c.TierAtIntake, c.Severity, c.Category, c.Subject, c.Status,
                c.AssigneeId,
                AssigneeName = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                c.ReceivedAt, c.FirstResponseDueAt, c.ResolutionDueAt, c.FirstResponseBreached, c.ResolutionBreached, c.AtRiskNotified, c.EscalationLevel,
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
