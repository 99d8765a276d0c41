using System.Text.Json;
using FluentValidation;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Auditing;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Models;
using KeyAccount.Application.Common.Security;
using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Audit;
using KeyAccount.Domain.Common;
using KeyAccount.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KeyAccount.Application.Audit.ListAuditEntries;

/// <summary>The audit trail, newest first: of one record, of one type, or of everything belonging to one account.</summary>
public sealed record ListAuditEntriesQuery : IQuery<PagedResult<AuditEntryDto>>, IPagedQuery
{
    /// <summary>Only records of this type (one of <see cref="AuditedEntities.Names"/>).</summary>
    public string? EntityType { get; init; }

    /// <summary>Only this record.</summary>
    public Guid? EntityId { get; init; }

    /// <summary>Only records of this account (the account itself, its contacts, team and tier override).</summary>
    public AccountId? AccountId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = Paging.DefaultPageSize;
}

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(x => x.EntityType).Must(t => t is null || AuditedEntities.Names.Contains(t, StringComparer.Ordinal))
            .WithErrorCode(FieldErrorCodes.InvalidValue)
            .WithMessage($"Not an audited type; one of: {string.Join(", ", AuditedEntities.Names)}.");
    }
}

public sealed class ListAuditEntriesHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListAuditEntriesQuery, PagedResult<AuditEntryDto>>
{
    private static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web);

    public async ValueTask<PagedResult<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = db.AuditEntries.AsNoTracking();
        if (AccountAccess.RestrictedTo(user) is { } me)
        {
            // The account asked for by name must be one the caller may see (404 otherwise, as for the account itself);
            // whatever else is asked, only rows of accounts they may see are answered — records of no account never.
            var named = query.AccountId ?? (query.EntityType == AuditedEntities.AccountType && query.EntityId is { } id ? new AccountId(id) : null);
            if (named is { } accountId && !await db.VisibleAccounts(user).AnyAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false))
            {
                throw new EntityNotFoundException("Account", accountId.Value);
            }

            var viewers = db.AccountViewers;
            rows = rows.Where(e => e.AccountId != null && viewers.Any(v => v.AccountId == e.AccountId && v.UserId == me));
        }

        if (query.EntityType is { } type)
        {
            rows = rows.Where(e => e.EntityType == type);
        }

        if (query.EntityId is { } entityId)
        {
            rows = rows.Where(e => e.EntityId == entityId);
        }

        if (query.AccountId is { } account)
        {
            rows = rows.Where(e => e.AccountId == account);
        }

        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var changes = page.ToDictionary(e => e.Id, e => JsonSerializer.Deserialize<List<AuditFieldChangeDto>>(e.Changes, ChangesJson) ?? []);

        // Names as they are now, of the actors and of the users the changed fields name, in one query for the page
        // (users are never deleted, but a name may be missing).
        var userIds = page.Where(e => e.ActorKind == AuditActorKind.User && e.ActorId is not null).Select(e => e.ActorId!.Value)
            .Concat(page.SelectMany(e => changes[e.Id].Where(c => IsUserField(e, c)).SelectMany(c => new[] { UserIdIn(c.Before), UserIdIn(c.After) }))
                .Where(id => id is not null).Select(id => id!.Value))
            .Distinct().Select(id => new UserId(id)).ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id.Value, u => u.DisplayName, cancellationToken).ConfigureAwait(false);

        // API clients that acted: their names (a client id is a Guid like a user id; they never collide).
        var clientIds = page.Where(e => e.ActorKind == AuditActorKind.ApiClient && e.ActorId is not null).Select(e => new Domain.ApiClients.ApiClientId(e.ActorId!.Value)).Distinct().ToList();
        if (clientIds.Count > 0)
        {
            foreach (var client in await db.ApiClients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                names[client.Id.Value] = client.Name;
            }
        }

        return new PagedResult<AuditEntryDto>([.. page.Select(e => ToDto(e, changes[e.Id], names))], query.Page, query.PageSize, total, null);
    }

    private static bool IsUserField(AuditEntry entry, AuditFieldChangeDto change) =>
        AuditedEntities.Find(entry.EntityType)?.UserFields.Contains(change.Field) == true;

    private static Guid? UserIdIn(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } v && Guid.TryParse(v.GetString(), out var id) ? id : null;

    private static string? NameOf(JsonElement? value, Dictionary<Guid, string> names) =>
        UserIdIn(value) is { } id ? names.GetValueOrDefault(id) : null;

    private static AuditEntryDto ToDto(AuditEntry entry, List<AuditFieldChangeDto> changes, Dictionary<Guid, string> names) => new(
        entry.Id,
        entry.OccurredAt,
        entry.EntityType,
        entry.EntityId,
        entry.AccountId?.Value,
        entry.Action,
        new AuditActorDto(entry.ActorKind, entry.ActorId, entry.ActorId is { } id ? names.GetValueOrDefault(id) : null),
        entry.CorrelationId,
        [.. changes.Select(c => IsUserField(entry, c) ? c with { BeforeName = NameOf(c.Before, names), AfterName = NameOf(c.After, names) } : c)]);
}
