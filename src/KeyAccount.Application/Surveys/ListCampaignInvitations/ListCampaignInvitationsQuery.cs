using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Surveys.Common;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Surveys.ListCampaignInvitations;

/// <summary>A campaign's invitations (of the accounts the caller may see), by account name then contact name.</summary>
public sealed record ListCampaignInvitationsQuery(SurveyCampaignId CampaignId) : IQuery<PagedResult<SurveyInvitationDto>>, IPagedQuery
{
    public SurveyInvitationStatus? Status { get; init; }

    public AccountId? AccountId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListCampaignInvitationsValidator : AbstractValidator<ListCampaignInvitationsQuery>
{
    public ListCampaignInvitationsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Status).IsInEnum().OverridePropertyName("status");
    }
}

public sealed class ListCampaignInvitationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListCampaignInvitationsQuery, PagedResult<SurveyInvitationDto>>
{
    public async ValueTask<PagedResult<SurveyInvitationDto>> Handle(ListCampaignInvitationsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        _ = await db.LoadCampaignAsync(query.CampaignId, null, cancellationToken).ConfigureAwait(false);
        var invitations = db.VisibleInvitations(query.CampaignId, user);
        if (query.Status is { } status)
        {
            invitations = invitations.Where(i => i.Status == status);
        }

        if (query.AccountId is { } account)
        {
            invitations = invitations.Where(i => i.AccountId == account);
        }

        var total = await invitations.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = from i in invitations
                   join a in db.Accounts on i.AccountId equals a.Id
                   from c in a.Contacts.Where(c => c.Id == i.ContactId).DefaultIfEmpty()
                   orderby a.Name, c.Name, i.Id
                   select new SurveyInvitationDto(
                       i.Id, i.AccountId, a.Name, i.ContactId, c == null ? string.Empty : c.Name, i.Email, i.Language, i.BuyingRole, i.Status, i.Channel, i.Kind,
                       i.SentAt, i.RemindedAt, i.RespondedAt, i.Attempts, i.LastError, i.CreatedAt);
        var items = await rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<SurveyInvitationDto>(items, query.Page, query.PageSize, total, null);
    }
}
