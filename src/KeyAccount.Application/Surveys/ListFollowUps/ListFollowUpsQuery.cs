using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.FollowUps;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListFollowUps;

/// <summary>The follow-up list: open first by due time, then the closed ones newest first.</summary>
public sealed record ListFollowUpsQuery : IQuery<PagedResult<SurveyFollowUpDto>>, IPagedQuery
{
    public FollowUpStatus? Status { get; init; }

    public AccountId? AccountId { get; init; }

    public UserId? OwnerId { get; init; }

    /// <summary>Only the caller's own (as the account owner).</summary>
    public bool Mine { get; init; }

    public SlaState? SlaState { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListFollowUpsValidator : AbstractValidator<ListFollowUpsQuery>
{
    public ListFollowUpsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(x => x.SlaState).IsInEnum().OverridePropertyName("slaState");
    }
}

public sealed class ListFollowUpsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListFollowUpsQuery, PagedResult<SurveyFollowUpDto>>
{
    public async ValueTask<PagedResult<SurveyFollowUpDto>> Handle(ListFollowUpsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var followUps = db.SurveyFollowUps.AsNoTracking();
        if (query.Status is { } status)
        {
            followUps = followUps.Where(f => f.Status == status);
        }

        if (query.AccountId is { } account)
        {
            followUps = followUps.Where(f => f.AccountId == account);
        }

        if (query.OwnerId is { } owner)
        {
            followUps = followUps.Where(f => f.OwnerId == owner);
        }

        if (query.Mine)
        {
            var me = user.UserId;
            followUps = followUps.Where(f => me != null && f.OwnerId == me);
        }

        if (query.SlaState is { } state)
        {
            followUps = followUps.Where(f => f.SlaState == state);
        }

        followUps = FollowUpReading.VisibleTo(db, user, followUps);
        var total = await followUps.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = followUps
            .OrderBy(f => f.Status == FollowUpStatus.Closed).ThenBy(f => f.DueAt).ThenByDescending(f => f.ClosedAt).ThenBy(f => f.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        var items = await FollowUpReading.Project(db, page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyFollowUpDto>(items, query.Page, query.PageSize, total, null);
    }
}
