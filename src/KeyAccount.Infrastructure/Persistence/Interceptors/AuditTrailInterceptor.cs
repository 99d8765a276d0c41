using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Auditing;
using KeyAccount.Domain.Audit;
using KeyAccount.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KeyAccount.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Writes the audit trail inside the same SaveChanges (so the same transaction) as the change: for every added,
/// changed or deleted record of a type in <see cref="AuditedEntities"/>, one <see cref="AuditEntry"/> with the fields
/// that changed, before and after. Value objects stored with their owner (money, cut-offs, weight lists) are shown as
/// the owner's fields; secrets are listed as changed with "***" for values. A save that fails writes nothing: the
/// rows it added are discarded with it.
/// </summary>
public sealed class AuditTrailInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>What a redacted value is shown as.</summary>
    public const string Redacted = "***";

    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    // The rows of a failed save would otherwise stay tracked and be written by the context's next save, describing a
    // change that never happened (the change itself is re-recorded then if it is saved again).
    private static void Discard(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().Where(e => e.Entity is not AuditEntry).ToList();
        var tracked = new Tracked(entries);

        // Owners whose stored-with-them values changed while their own columns did not.
        var ownersOfChangedParts = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var part in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Metadata.IsOwned()))
        {
            if (tracked.OwnerOf(part) is { } owner)
            {
                ownersOfChangedParts.Add(owner.Entity);
            }
        }

        var pending = new Dictionary<(string Type, Guid Id), Change>();
        foreach (var entry in entries)
        {
            if (AuditedEntities.Find(entry.Metadata.ClrType) is not { } audited
                || (entry.State == EntityState.Unchanged && !ownersOfChangedParts.Contains(entry.Entity))
                || entry.State == EntityState.Detached)
            {
                continue;
            }

            object? owner = null;
            if (audited.OwnerType is not null)
            {
                owner = tracked.OwnerOf(entry)?.Entity;
                if (owner is null)
                {
                    continue;
                }
            }

            var key = (audited.Name, audited.IdOf(entry.Entity, owner));
            var change = pending.TryGetValue(key, out var existing) ? existing : pending[key] = new Change(audited, key.Item2, audited.AccountOf(entry.Entity, owner));

            // A replaced part (a new pin instead of the old one) is tracked as the old one deleted and the new one
            // added: together they are one update.
            if (entry.State != EntityState.Added)
            {
                change.Before = Snapshot(entry, tracked, audited, original: true);
            }

            if (entry.State != EntityState.Deleted)
            {
                change.After = Snapshot(entry, tracked, audited, original: false);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        var caller = (context as AppDbContext)?.Caller;
        var (actorKind, actorId) = ActorOf(caller);
        var now = clock.GetUtcNow();
        foreach (var change in pending.Values)
        {
            var fields = change.Diff();
            if (fields.Count == 0)
            {
                continue;
            }

            var action = change.Before is null ? AuditAction.Created : change.After is null ? AuditAction.Deleted : AuditAction.Updated;
            context.Add(AuditEntry.Record(now, change.Audited.Name, change.Id, change.AccountId, action, actorKind, actorId, caller?.CorrelationId, fields.ToJsonString()));
        }
    }

    /// <summary>
    /// Who the trail names: the signed-in user, a third-party system's API client (by its client id), or the system
    /// when nobody called (jobs, start-up tasks, sign-in bookkeeping before the user is known).
    /// </summary>
    private static (AuditActorKind Kind, Guid? Id) ActorOf(Application.Common.Abstractions.ICurrentUser? caller) => caller switch
    {
        { UserId: { } user } => (AuditActorKind.User, user.Value),
        { ClientId: { } client } => (AuditActorKind.ApiClient, client.Value),
        _ => (AuditActorKind.System, null),
    };

    /// <summary>
    /// The save's tracked entries, indexed once: each part stored with an owner (money, a pin, list items) by its owner,
    /// so that a save of thousands of records (the demo seeder's) looks each one up instead of scanning them all.
    /// </summary>
    private sealed class Tracked
    {
        private readonly Dictionary<(IEntityType Type, string Key), EntityEntry> _byKey = [];
        private readonly Dictionary<EntityEntry, EntityEntry?> _owners = [];
        private readonly Dictionary<(object Owner, IEntityType Type), List<EntityEntry>> _parts = new(new OwnerAndType());

        public Tracked(List<EntityEntry> entries)
        {
            foreach (var entry in entries)
            {
                if (entry.Metadata.FindPrimaryKey() is { } key)
                {
                    _byKey.TryAdd((entry.Metadata, KeyOf(entry, key.Properties)), entry);
                }
            }

            foreach (var part in entries.Where(e => e.Metadata.IsOwned()))
            {
                var ownership = part.Metadata.FindOwnership()!;
                var owner = _byKey.GetValueOrDefault((ownership.PrincipalEntityType, KeyOf(part, ownership.Properties)));
                _owners[part] = owner;
                if (owner is not null)
                {
                    var slot = (owner.Entity, part.Metadata);
                    if (!_parts.TryGetValue(slot, out var list))
                    {
                        _parts[slot] = list = [];
                    }

                    list.Add(part);
                }
            }
        }

        /// <summary>The tracked owner of a part stored with it (the same key values on the ownership link).</summary>
        public EntityEntry? OwnerOf(EntityEntry part) => _owners.GetValueOrDefault(part);

        public List<EntityEntry> PartsOf(object owner, IEntityType type) => _parts.TryGetValue((owner, type), out var list) ? list : [];

        private static string KeyOf(EntityEntry entry, IReadOnlyList<IProperty> properties) =>
            string.Join('\u001f', properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

        /// <summary>Owners by reference (entities may define their own equality), types by identity.</summary>
        private sealed class OwnerAndType : IEqualityComparer<(object Owner, IEntityType Type)>
        {
            public bool Equals((object Owner, IEntityType Type) x, (object Owner, IEntityType Type) y) => ReferenceEquals(x.Owner, y.Owner) && ReferenceEquals(x.Type, y.Type);

            public int GetHashCode((object Owner, IEntityType Type) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Owner), obj.Type);
        }
    }

    /// <summary>The record's audited fields as they were (original values) or are now, rendered as readers see them.</summary>
    private static Dictionary<string, JsonNode?> Snapshot(EntityEntry entry, Tracked tracked, AuditedEntity audited, bool original)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = AuditedEntity.FieldName(property.Metadata.Name);
            if (IsBookkeeping(property.Metadata) || audited.Ignored.Contains(name))
            {
                continue;
            }

            fields[name] = Render(property.Metadata, original ? property.OriginalValue : property.CurrentValue);
        }

        // Value objects stored with the record (not audited on their own) are shown as its fields.
        foreach (var navigation in entry.Metadata.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && AuditedEntities.Find(n.TargetEntityType.ClrType) is null))
        {
            var name = AuditedEntity.FieldName(navigation.Name);
            if (audited.Ignored.Contains(name))
            {
                continue;
            }

            var parts = PartsOf(entry, navigation, tracked, original);
            if (navigation.IsCollection)
            {
                fields[name] = new JsonArray([.. parts.Select(p => (JsonNode?)ValueObject(p, original))]);
            }
            else if (navigation.TargetEntityType.ClrType == typeof(Money))
            {
                fields[name] = parts.FirstOrDefault() is { } money ? MoneyText(money, original) : null;
            }
            else
            {
                // Flattened, so that only the parts that changed are listed (cutoffs.key: 60.00 → 65.00).
                var part = parts.FirstOrDefault();
                foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !IsBookkeeping(p)))
                {
                    fields[name + "." + AuditedEntity.FieldName(property.Name)] = part is null ? null : Render(property, Value(part.Property(property.Name), original));
                }
            }
        }

        return fields;
    }

    /// <summary>
    /// Ids, links to the owner, shadow columns and the concurrency version: how the row is stored, not what it says. A
    /// part of a composite key that is a plain property (the member of a team membership) says who, and is kept.
    /// </summary>
    private static bool IsBookkeeping(IProperty property) =>
        (property.IsPrimaryKey() && (property.IsShadowProperty() || property.DeclaringType is IEntityType { } keyed && keyed.FindPrimaryKey()?.Properties.Count == 1))
        || property.IsShadowProperty()
        || property.IsConcurrencyToken;

    /// <summary>The tracked parts of one owned navigation of <paramref name="owner"/>, as they were or are, in their stored order.</summary>
    private static List<EntityEntry> PartsOf(EntityEntry owner, INavigation navigation, Tracked tracked, bool original)
    {
        var target = navigation.TargetEntityType;
        return [.. tracked.PartsOf(owner.Entity, target)
            .Where(e => original ? e.State != EntityState.Added : e.State != EntityState.Deleted)
            .OrderBy(e => Ordinal(target, e))];
    }

    // Items of a stored list carry their position as the last (shadow, int) part of their key.
    private static int Ordinal(IEntityType target, EntityEntry item)
    {
        var last = target.FindPrimaryKey()?.Properties[^1];
        return last is not null && last.IsShadowProperty() && last.ClrType == typeof(int) ? (int)(item.Property(last.Name).CurrentValue ?? 0) : 0;
    }

    private static object? Value(PropertyEntry property, bool original) => original ? property.OriginalValue : property.CurrentValue;

    private static JsonObject ValueObject(EntityEntry part, bool original)
    {
        var value = new JsonObject();
        foreach (var property in part.Properties.Where(p => !IsBookkeeping(p.Metadata)))
        {
            value[AuditedEntity.FieldName(property.Metadata.Name)] = Render(property.Metadata, Value(property, original));
        }

        return value;
    }

    private static JsonValue? MoneyText(EntityEntry money, bool original)
    {
        var amount = Value(money.Property(nameof(Money.Amount)), original) as decimal?;
        var currency = Value(money.Property(nameof(Money.Currency)), original) as string;
        return amount is null ? null : JsonValue.Create($"{amount.Value.ToString("F" + Money.Scale, CultureInfo.InvariantCulture)} {currency}");
    }

    /// <summary>A stored value as readers see it: enums by name, ids and instants as strings, decimals to their scale, JSON as JSON.</summary>
    private static JsonNode? Render(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is Enum e)
        {
            return JsonValue.Create(e.ToString());
        }

        // Typed ids and JSON columns are shown as stored (a Guid, the document).
        if (property.GetTypeMapping().Converter is { } converter && value.GetType() == converter.ModelClrType)
        {
            value = converter.ConvertToProvider(value);
            if (value is string json && property.GetColumnType() is "jsonb" or "json")
            {
                return JsonNode.Parse(json);
            }
        }

        return value switch
        {
            null => null,
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            decimal d => JsonValue.Create(d.ToString(property.GetScale() is { } scale ? "F" + scale.ToString(CultureInfo.InvariantCulture) : "G29", CultureInfo.InvariantCulture)),
            Guid g => JsonValue.Create(g.ToString()),
            DateTimeOffset t => JsonValue.Create(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)),
            DateOnly day => JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            IEnumerable<string> list => new JsonArray([.. list.Select(x => (JsonNode?)JsonValue.Create(x))]),
            _ => JsonSerializer.SerializeToNode(value, value.GetType(), ValueJson),
        };
    }

    /// <summary>One record's before and after within a save.</summary>
    private sealed class Change(AuditedEntity audited, Guid id, Domain.Accounts.AccountId? accountId)
    {
        public AuditedEntity Audited { get; } = audited;

        public Guid Id { get; } = id;

        public Domain.Accounts.AccountId? AccountId { get; } = accountId;

        public Dictionary<string, JsonNode?>? Before { get; set; }

        public Dictionary<string, JsonNode?>? After { get; set; }

        /// <summary>The fields whose value differs (for a creation or deletion: those with a value), secrets as "***".</summary>
        public JsonArray Diff()
        {
            var names = (Before?.Keys ?? Enumerable.Empty<string>()).Union(After?.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
            var diff = new JsonArray();
            foreach (var name in names)
            {
                var before = Before?.GetValueOrDefault(name);
                var after = After?.GetValueOrDefault(name);
                if (JsonNode.DeepEquals(before, after))
                {
                    continue;
                }

                var secret = Audited.IsSecret(name);
                diff.Add(new JsonObject
                {
                    ["field"] = name,
                    ["before"] = secret ? Mask(before) : before?.DeepClone(),
                    ["after"] = secret ? Mask(after) : after?.DeepClone(),
                });
            }

            return diff;
        }

        private static JsonValue? Mask(JsonNode? value) => value is null ? null : JsonValue.Create(Redacted);
    }
}
