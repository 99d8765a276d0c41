using Npgsql;

namespace KeyAccount.Api.Tests;

/// <summary>
/// The migration step (issue 15): three migrators started together on a new database — the <c>migrate</c> command, as
/// replicas or a Job and a replica would — all finish, each migration is applied once, and what a new database starts
/// with is written once.
/// </summary>
public class MigrationTests
{
    [Test]
    public async Task Migrate_ThreeAtOnceOnANewDatabase_AllSucceed_AndEachMigrationAndDefaultIsWrittenOnce()
    {
        var name = $"keyaccount_migrate_{Environment.ProcessId}_{DateTime.UtcNow:HHmmssfff}";
        await ExecuteAsync(ApiFixture.ConnectionString, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(ApiFixture.ConnectionString) { Database = name }.ConnectionString;
        try
        {
            string[] args = [$"--ConnectionStrings:KeyAccount={connection}", "--Auth:SigningKey=migration-tests-signing-key-0123456789abcdef", "--Logging:LogLevel:Default=Warning"];
            var codes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => KeyAccountApp.MigrateAsync(args))));

            Assert.That(codes, Is.All.EqualTo(0));
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync();
            var duplicates = await ScalarAsync(db, "SELECT count(*) - count(DISTINCT migration_id) FROM __ef_migrations_history");
            var migrations = await ScalarAsync(db, "SELECT count(*) FROM __ef_migrations_history");
            var policies = await ScalarAsync(db, "SELECT count(*) FROM tier_policies");
            var templates = await ScalarAsync(db, "SELECT count(*) FROM survey_templates");
            Assert.Multiple(() =>
            {
                Assert.That(duplicates, Is.Zero);
                Assert.That(migrations, Is.GreaterThan(10));
                Assert.That(policies, Is.EqualTo(1));
                Assert.That(templates, Is.EqualTo(1));
            });

            // A fourth run later finds nothing to do.
            Assert.That(await KeyAccountApp.MigrateAsync(args), Is.Zero);
            Assert.That(await ScalarAsync(db, "SELECT count(*) FROM tier_policies"), Is.EqualTo(1));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(ApiFixture.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
