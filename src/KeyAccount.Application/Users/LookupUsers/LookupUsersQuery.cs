using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Users.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Users.LookupUsers;

/// <summary>Active users to pick from (an assignee, a team member): names only, never emails.</summary>
public sealed record LookupUsersQuery : IQuery<IReadOnlyList<UserLookupDto>>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public Role? Role { get; init; }

    /// <summary>Part of the name, any case.</summary>
    public string? Search { get; init; }

    public int Limit { get; init; } = DefaultLimit;
}

public sealed class LookupUsersValidator : AbstractValidator<LookupUsersQuery>
{
    public LookupUsersValidator()
    {
        RuleFor(x => x.Search).MaximumLength(100);
        RuleFor(x => x.Limit).InclusiveBetween(1, LookupUsersQuery.MaxLimit);
    }
}

public sealed class LookupUsersHandler(IAppDbContext db) : IQueryHandler<LookupUsersQuery, IReadOnlyList<UserLookupDto>>
{
    public async ValueTask<IReadOnlyList<UserLookupDto>> Handle(LookupUsersQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (query.Role is { } role)
        {
            users = users.Where(u => u.Role == role);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // The name only: matching on emails would let a picker probe which addresses exist.
            var text = query.Search.Trim().ToLowerInvariant();
            users = users.Where(u => u.DisplayName.ToLower().Contains(text));
        }

        return await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(query.Limit)
            .Select(u => new UserLookupDto(u.Id, u.DisplayName, u.Role, u.Department)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
