using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
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

    /// <summary>Only complaints in this SLA state (the stored state the rows show).</summary>
    public SlaState? SlaState { get; init; }

    /// <summary>Only open complaints whose running target has passed.</summary>
    public bool Overdue { get; init; }

    /// <summary>Only complaints not yet resolved or closed.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only complaints received at or after this instant (the complaint metrics' period start).</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only complaints received before this instant (the complaint metrics' period end, exclusive).</summary>
    public DateTimeOffset? ReceivedTo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListComplaintsValidator : AbstractValidator<ListComplaintsQuery>
{
    public ListComplaintsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.ReceivedTo).GreaterThan(x => x.ReceivedFrom).When(x => x.ReceivedFrom is not null && x.ReceivedTo is not null)
            .WithErrorCode(FieldErrorCodes.NotAfter).WithMessage("receivedTo must be after receivedFrom.")
            .WithState(_ => new Dictionary<string, object?> { ["other"] = "receivedFrom" });
    }
}

/// <summary>
/// Projects in SQL and filters and sorts on the SLA columns the complaint aggregate stores (its state, the running
/// due instant, stopped) with their indexes: the queue derives nothing. The state is the one the detail and the
/// metrics read; <c>overdue</c> compares the stored running due instant with now, so a complaint is overdue from its
/// due instant even before the scan marks it Breached.
/// </summary>
public sealed class ListComplaintsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListComplaintsQuery, PagedResult<ComplaintSummaryDto>>
{
    public async ValueTask<PagedResult<ComplaintSummaryDto>> Handle(ListComplaintsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = Filter(db, user, clock.GetUtcNow(), query);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await Project(db, Order(rows).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<ComplaintSummaryDto>(page, query.Page, query.PageSize, total, null);
    }

    /// <summary>Queue rows as the client reads them (stored SLA columns, names joined); "my day" reads the same rows.</summary>
    internal static IQueryable<ComplaintSummaryDto> Project(IAppDbContext db, IQueryable<Complaint> rows) =>
        rows.Select(c => new ComplaintSummaryDto(
                c.Id, c.Reference, c.AccountId,
                db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault() ?? string.Empty,
                c.TierAtIntake, c.Severity, c.Category, c.Subject, c.Status,
                c.AssigneeId,
                db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                c.ReceivedAt, c.DueAt, c.SlaState, c.IsStopped,
                new SlaClockDto(c.FirstResponseClock.DueAt, c.FirstResponseClock.AtRisk, c.FirstResponseClock.Breached, c.FirstResponseClock.EscalationLevel),
                new SlaClockDto(c.ResolutionClock.DueAt, c.ResolutionClock.AtRisk, c.ResolutionClock.Breached, c.ResolutionClock.EscalationLevel)));

    /// <summary>The queue's filters over the complaints the caller may see; the export applies the same ones.</summary>
    internal static IQueryable<Complaint> Filter(IAppDbContext db, ICurrentUser user, DateTimeOffset now, ListComplaintsQuery q)
    {
        // Roles that see every account read complaints alone; an AccountManager's are those of visible accounts.
        var rows = db.Complaints.AsNoTracking();
        if (AccountAccess.RestrictedTo(user) is not null)
        {
            var visible = db.VisibleAccounts(user);
            rows = rows.Where(c => visible.Any(a => a.Id == c.AccountId));
        }

        if (q.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        if (q.OpenOnly || q.Overdue)
        {
            rows = rows.Where(c => !c.IsStopped);
        }

        if (q.Overdue)
        {
            rows = rows.Where(c => c.DueAt < now);
        }

        if (q.SlaState is { } state)
        {
            rows = rows.Where(c => c.SlaState == state);
        }

        // The metrics' period: received_at >= from and < to, as the metrics count it.
        // The database takes instants in UTC: a bound sent in Beijing time is the same instant.
        if (q.ReceivedFrom is { } from)
        {
            var since = from.ToUniversalTime();
            rows = rows.Where(c => c.ReceivedAt >= since);
        }

        if (q.ReceivedTo is { } to)
        {
            var until = to.ToUniversalTime();
            rows = rows.Where(c => c.ReceivedAt < until);
        }

        if (q.Severity is { } severity)
        {
            rows = rows.Where(c => c.Severity == severity);
        }

        if (q.Tier is { } tier)
        {
            rows = rows.Where(c => c.TierAtIntake == tier);
        }

        if (q.Category is { } category)
        {
            rows = rows.Where(c => c.Category == category);
        }

        if (q.AccountId is { } account)
        {
            rows = rows.Where(c => c.AccountId == account);
        }

        var assignee = q.Mine ? user.UserId : q.AssigneeId;
        if (assignee is { } who)
        {
            rows = rows.Where(c => c.AssigneeId == who);
        }

        return rows;
    }

    /// <summary>Open complaints first, the most urgent due instant first, then the newest.</summary>
    internal static IOrderedQueryable<Complaint> Order(IQueryable<Complaint> rows) =>
        rows.OrderBy(c => c.IsStopped).ThenBy(c => c.DueAt).ThenByDescending(c => c.ReceivedAt);
}
