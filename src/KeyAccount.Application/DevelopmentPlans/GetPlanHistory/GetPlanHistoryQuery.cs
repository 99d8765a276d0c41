using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.DevelopmentPlans;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.DevelopmentPlans.GetPlanHistory;

/// <summary>
/// A line of a plan version's history: who did what when, as data (the reader words it in their language), and the words
/// they gave with it. Each <see cref="Kind"/> sets only its own arguments.
/// </summary>
/// <param name="Id" example="42">The line (newest first is descending id).</param>
/// <param name="Kind">StatusChanged (a workflow step), Revised (a new version was made of this one), Superseded (a later version replaced it), InitiativeStatusChanged.</param>
/// <param name="At">When (UTC).</param>
/// <param name="By">Who; null for an API client or the system.</param>
/// <param name="ByName" example="李伟">That user's display name.</param>
/// <param name="Action">The workflow step (StatusChanged): Submit, Approve, Reject, Activate, Complete or Cancel.</param>
/// <param name="FromStatus">The plan's status before (StatusChanged, Superseded).</param>
/// <param name="ToStatus">The plan's status after (StatusChanged, Superseded).</param>
/// <param name="Comment" example="同意。请在二季度复盘时重点跟进新能源产线。">What the person wrote with it: the approval's or rejection's comment, the cancellation's reason, an initiative's note.</param>
/// <param name="RelatedPlanId">The other version: the revision made of this one (Revised), the version that replaced it (Superseded).</param>
/// <param name="RelatedPlanVersion" example="2">That version's number.</param>
/// <param name="InitiativeKey">The initiative's key, the same across the plan's versions (InitiativeStatusChanged).</param>
/// <param name="InitiativeTitle" example="建立联合研发实验室">The initiative's title then.</param>
/// <param name="InitiativeFrom">Its status before.</param>
/// <param name="InitiativeTo">Its status after.</param>
public sealed record PlanHistoryEntryDto(
    long Id,
    PlanHistoryKind Kind,
    DateTimeOffset At,
    UserId? By,
    string? ByName,
    PlanAction? Action,
    PlanStatus? FromStatus,
    PlanStatus? ToStatus,
    string? Comment,
    DevelopmentPlanId? RelatedPlanId,
    int? RelatedPlanVersion,
    Guid? InitiativeKey,
    string? InitiativeTitle,
    InitiativeStatus? InitiativeFrom,
    InitiativeStatus? InitiativeTo);

/// <summary>A plan version's history, newest first, a page at a time.</summary>
public sealed record GetPlanHistoryQuery(DevelopmentPlanId Id, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<PlanHistoryEntryDto>>, IPagedQuery;

public sealed class GetPlanHistoryValidator : AbstractValidator<GetPlanHistoryQuery>
{
    public GetPlanHistoryValidator()
    {
        Include(PagingValidator.Instance);
    }
}

public sealed class GetPlanHistoryHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetPlanHistoryQuery, PagedResult<PlanHistoryEntryDto>>
{
    public async ValueTask<PagedResult<PlanHistoryEntryDto>> Handle(GetPlanHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = db.VisibleAccounts(user);
        if (!await db.DevelopmentPlans.AnyAsync(p => p.Id == query.Id && visible.Any(a => a.Id == p.AccountId), cancellationToken).ConfigureAwait(false))
        {
            throw new EntityNotFoundException("Development plan", query.Id.Value);
        }

        var lines = db.PlanHistory.AsNoTracking().Where(e => e.PlanId == query.Id);
        var total = await lines.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await lines.OrderByDescending(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = page.Where(e => e.By is not null).Select(e => e.By!.Value).Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
        var items = page.Select(e => new PlanHistoryEntryDto(
            e.Id,
            e.Kind,
            e.At,
            e.By,
            e.By is { } by && names.TryGetValue(by, out var name) ? name : null,
            e.Args.Action,
            e.Args.FromStatus,
            e.Args.ToStatus,
            e.Comment,
            e.Args.RelatedPlanId,
            e.Args.RelatedPlanVersion,
            e.Args.InitiativeKey,
            e.Args.InitiativeTitle,
            e.Args.InitiativeFrom,
            e.Args.InitiativeTo)).ToList();
        return new PagedResult<PlanHistoryEntryDto>(items, query.Page, query.PageSize, total, null);
    }
}
