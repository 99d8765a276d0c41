using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListCampaignSkips;

/// <summary>The contacts a campaign left out when it opened (of the accounts the caller may see), with the reason.</summary>
public sealed record ListCampaignSkipsQuery(SurveyCampaignId CampaignId) : IQuery<PagedResult<SurveySkipDto>>, IPagedQuery
{
    public SkipReason? Reason { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListCampaignSkipsValidator : AbstractValidator<ListCampaignSkipsQuery>
{
    public ListCampaignSkipsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Reason).IsInEnum().OverridePropertyName("reason");
    }
}

public sealed class ListCampaignSkipsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListCampaignSkipsQuery, PagedResult<SurveySkipDto>>
{
    public async ValueTask<PagedResult<SurveySkipDto>> Handle(ListCampaignSkipsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadCampaignAsync(query.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var skips = db.VisibleSkips(query.CampaignId, user);
        if (query.Reason is { } reason)
        {
            skips = skips.Where(s => s.Reason == reason);
        }

        var total = await skips.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = from s in skips
                   join a in db.Accounts on s.AccountId equals a.Id
                   from c in a.Contacts.Where(c => c.Id == s.ContactId).DefaultIfEmpty()
                   orderby a.Name, c.Name, s.ContactId
                   select new SurveySkipDto(s.AccountId, a.Name, s.ContactId, c == null ? string.Empty : c.Name, s.Reason, s.CreatedAt);
        var items = await rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveySkipDto>(items, query.Page, query.PageSize, total, null);
    }
}
