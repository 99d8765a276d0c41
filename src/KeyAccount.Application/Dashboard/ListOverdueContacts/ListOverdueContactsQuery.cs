using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Users;
using Mediator;

namespace KeyAccount.Application.Dashboard.ListOverdueContacts;

/// <summary>An active account past its tier's contact cadence.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Name" example="华东精密制造有限公司">Its name.</param>
/// <param name="Tier">Its tier, whose service programme sets the cadence.</param>
/// <param name="OwnerId">The manager who owns it.</param>
/// <param name="OwnerName" example="Li Wei">The owner's name.</param>
/// <param name="ContactCadenceDays">The tier's longest allowed gap between interactions.</param>
/// <param name="LastInteractionAt">The latest interaction; null when there was none.</param>
/// <param name="OverdueSince">When the gap passed the cadence (UTC).</param>
/// <param name="DaysOverdue">Whole days since then.</param>
public sealed record OverdueContactDto(
    AccountId AccountId,
    string Name,
    Tier Tier,
    UserId OwnerId,
    string? OwnerName,
    int ContactCadenceDays,
    DateTimeOffset? LastInteractionAt,
    DateTimeOffset OverdueSince,
    int DaysOverdue)
{
    /// <summary>The row as clients read it, with whole days overdue at <paramref name="now"/> (the list and "my day" both map here).</summary>
    public static OverdueContactDto From(OverdueContactRow r, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.AccountId, r.Name, r.Tier, r.OwnerId, r.OwnerName, r.ContactCadenceDays, r.LastInteractionAt, r.OverdueSince,
            (int)Math.Floor((now - r.OverdueSince).TotalDays));
    }
}

/// <summary>Accounts overdue for contact, longest overdue first; of one manager when <paramref name="OwnerId"/> is given.</summary>
public sealed record ListOverdueContactsQuery(UserId? OwnerId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<OverdueContactDto>>, IPagedQuery;

public sealed class ListOverdueContactsValidator : AbstractValidator<ListOverdueContactsQuery>
{
    public ListOverdueContactsValidator()
    {
        Include(PagingValidator.Instance);
    }
}

public sealed class ListOverdueContactsHandler(IAccountSignals signals, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListOverdueContactsQuery, PagedResult<OverdueContactDto>>
{
    public async ValueTask<PagedResult<OverdueContactDto>> Handle(ListOverdueContactsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        var (rows, total) = await signals.ReadOverdueAsync(user.Scope(query.OwnerId), now, (query.Page - 1) * query.PageSize, query.PageSize, cancellationToken)
            .ConfigureAwait(false);
        return new PagedResult<OverdueContactDto>(
            [.. rows.Select(r => OverdueContactDto.From(r, now))],
            query.Page, query.PageSize, total, null);
    }
}
