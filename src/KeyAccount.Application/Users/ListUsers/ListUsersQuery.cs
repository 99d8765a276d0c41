using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Users.ListUsers;

/// <summary>Users by name, with filters.</summary>
public sealed record ListUsersQuery : IQuery<PagedResult<UserDto>>, IPagedQuery
{
    public Role? Role { get; init; }

    public Department? Department { get; init; }

    public bool? Active { get; init; }

    /// <summary>Part of the name or email, any case.</summary>
    public string? Search { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.Search).MaximumLength(100);
    }
}

public sealed class ListUsersHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListUsersQuery, PagedResult<UserDto>>
{
    public async ValueTask<PagedResult<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var users = db.Users.AsNoTracking();
        if (query.Role is { } role)
        {
            users = users.Where(u => u.Role == role);
        }

        if (query.Department is { } department)
        {
            users = users.Where(u => u.Department == department);
        }

        if (query.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower-casing both sides and a plain substring test (strpos, not LIKE): no wildcard in the input means
            // anything, and Chinese names match as typed. A few hundred users need no trigram index.
            var text = query.Search.Trim().ToLowerInvariant();
            users = users.Where(u => u.DisplayName.ToLower().Contains(text) || u.Email.Contains(text));
        }

        var total = await users.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToDtos(db, clock.GetUtcNow()).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<UserDto>(page, query.Page, query.PageSize, total, null);
    }
}
