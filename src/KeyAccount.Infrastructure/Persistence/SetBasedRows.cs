using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace KeyAccount.Infrastructure.Persistence;

/// <summary>
/// Writes many rows of a mapped entity type in one statement (<c>unnest</c> of one array per column), for the batch
/// jobs whose thousands of rows EF's per-entity pipeline would write one statement and one change-tracking pass at a
/// time. Columns, their names, store types and value converters (typed ids, enums by name, JSON, UTC instants) all
/// come from the EF model, so the statements write exactly what SaveChanges would: a column added to the mapping is
/// written here too, and nothing else spells a column name.
/// </summary>
internal static class SetBasedRows
{
    /// <summary>
    /// Updates every column of <paramref name="entities"/>' own and complex properties (owned types, fixed at intake,
    /// are not written) where the row's version (xmin) is still the one loaded; returns the keys of the rows written.
    /// A row changed meanwhile is not written and its key not returned: the caller leaves that entity for later.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> UpdateWhereUnchangedAsync<T>(AppDbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return [];
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var key = type.FindPrimaryKey()!.Properties.Single();
        var version = type.GetProperties().Single(p => p.IsConcurrencyToken && p.ValueGenerated == ValueGenerated.OnAddOrUpdate);
        var columns = type.GetFlattenedProperties().Where(p => p != key && p != version).ToList();
        var parameters = new List<NpgsqlParameter> { Column(key, entities, "p0"), Versions(version, entities, "p1") };
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"UPDATE {type.GetTableName()} AS t SET ");
        sql.AppendJoin(", ", columns.Select(c => $"{c.GetColumnName()} = u.{c.GetColumnName()}"));
        parameters.AddRange(columns.Select((c, i) => Column(c, entities, $"p{i + 2}")));
        sql.Append(CultureInfo.InvariantCulture, $" FROM unnest(@p0::{key.GetColumnType()}[], @p1::xid[], ");
        sql.AppendJoin(", ", columns.Select((c, i) => $"@p{i + 2}::{c.GetColumnType()}[]"));
        sql.Append(CultureInfo.InvariantCulture, $") AS u(k, v, {string.Join(", ", columns.Select(c => c.GetColumnName()))})");
        sql.Append(CultureInfo.InvariantCulture, $" WHERE t.{key.GetColumnName()} = u.k AND t.{version.GetColumnName()} = u.v RETURNING t.{key.GetColumnName()} AS \"Value\"");
#pragma warning disable EF1002 // the statement is built from the model's names only; every value is a parameter
        return await db.Database.SqlQueryRaw<Guid>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
    }

    /// <summary>Inserts <paramref name="entities"/> (every column of their own and complex properties) in one statement.</summary>
    public static async Task<int> InsertAsync<T>(AppDbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return 0;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var columns = type.GetFlattenedProperties().ToList();
        var sql = $"INSERT INTO {type.GetTableName()} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) "
            + $"SELECT * FROM unnest({string.Join(", ", columns.Select((c, i) => $"@p{i}::{c.GetColumnType()}[]"))})";
#pragma warning disable EF1002 // the statement is built from the model's names only; every value is a parameter
        return await db.Database.ExecuteSqlRawAsync(sql, columns.Select((c, i) => Column(c, entities, $"p{i}")), cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
    }

    /// <summary>One column's values, converted as EF converts them for the store, as a typed array (nulls kept).</summary>
    private static NpgsqlParameter Column<T>(IProperty property, IReadOnlyList<T> entities, string name)
        where T : class
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        var provider = converter?.ProviderClrType ?? property.ClrType;
        provider = Nullable.GetUnderlyingType(provider) ?? provider;
        var element = provider.IsValueType ? typeof(Nullable<>).MakeGenericType(provider) : provider;
        var values = Array.CreateInstance(element, entities.Count);
        for (var i = 0; i < entities.Count; i++)
        {
            var value = getter.GetClrValueUsingContainingEntity(entities[i]);
            values.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), i);
        }

        return new NpgsqlParameter(name, values);
    }

    private static NpgsqlParameter Versions<T>(IProperty version, IReadOnlyList<T> entities, string name)
        where T : class
    {
        var getter = version.GetGetter();
        return new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Xid) { Value = entities.Select(e => (uint)getter.GetClrValueUsingContainingEntity(e)!).ToArray() };
    }
}
