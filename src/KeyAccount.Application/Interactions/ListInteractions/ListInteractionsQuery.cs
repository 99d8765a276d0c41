using FluentValidation;
using KeyAccount.Application.Accounts.Common;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Interactions.Common;
using KeyAccount.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Interactions.ListInteractions;

/// <summary>The account's interactions, newest first (the timeline).</summary>
public sealed record ListInteractionsQuery(AccountId AccountId, InteractionType? Type, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<InteractionDto>>, IPagedQuery;

public sealed class ListInteractionsValidator : AbstractValidator<ListInteractionsQuery>
{
    public ListInteractionsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Type).IsInEnum();
    }
}

public sealed class ListInteractionsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListInteractionsQuery, PagedResult<InteractionDto>>
{
    public async ValueTask<PagedResult<InteractionDto>> Handle(ListInteractionsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await db.EnsureAccountVisibleAsync(query.AccountId, user, cancellationToken).ConfigureAwait(false);
        var interactions = db.Interactions.AsNoTracking().Where(i => i.AccountId == query.AccountId);
        if (query.Type is { } type)
        {
            interactions = interactions.Where(i => i.Type == type);
        }

        var total = await interactions.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.CreatedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectToDto().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<InteractionDto>(items, query.Page, query.PageSize, total, null);
    }
}
