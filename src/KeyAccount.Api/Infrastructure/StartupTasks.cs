using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KeyAccount.Api.Infrastructure;

/// <summary>Migrations, the optional first administrator, and the demo data (deploy/run.sh only).</summary>
internal static partial class StartupTasks
{
    /// <summary>
    /// The first policy's name, in both languages the product speaks (a name is data, read by Chinese and English
    /// users alike). The ReferenceData migration renames the policy that earlier versions created as "Default (design §1.2)".
    /// </summary>
    public const string DefaultPolicyName = "默认分级策略 / Default tier policy";

    public static async Task RunAsync(WebApplication app)
    {
        var config = app.Configuration;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (config.GetValue("KeyAccount:MigrateOnStartup", false))
        {
            await MigrateAsync(scope.ServiceProvider).ConfigureAwait(false);
        }

        // A production install gets its first administrator from configuration, once.
        var adminEmail = config["KeyAccount:BootstrapAdmin:Email"];
        var adminPassword = config["KeyAccount:BootstrapAdmin:Password"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && !string.IsNullOrWhiteSpace(adminPassword)
            && !await db.Users.AnyAsync(u => u.Role == Role.Admin).ConfigureAwait(false))
        {
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
            db.Users.Add(User.Create(adminEmail, "Administrator", Role.Admin, hasher.Hash(adminPassword), TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        if (config.GetValue("KeyAccount:SeedDemo", false))
        {
            var password = config["KeyAccount:DemoPassword"];
            if (string.IsNullOrWhiteSpace(password))
            {
                throw new InvalidOperationException("KeyAccount:SeedDemo is on but KeyAccount:DemoPassword is empty.");
            }

            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(password, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies the migrations and writes what a new database starts with (the default tier policy, the default survey
    /// template), holding a PostgreSQL advisory lock for the whole of it: replicas started together (each with
    /// <c>KeyAccount:MigrateOnStartup</c>) and the <c>migrate</c> command take turns; the later ones find the database
    /// up to date and change nothing. The lock is held on a connection of its own (a session lock: released when it
    /// closes, also if the process dies).
    /// </summary>
    internal static async Task MigrateAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("KeyAccount.Startup");
        await using var lockConnection = await services.GetRequiredService<SessionConnections>().OpenAsync().ConfigureAwait(false);
        if (!await AdvisoryAsync(lockConnection, "pg_try_advisory_lock").ConfigureAwait(false))
        {
            LogWaitingForMigrator(logger);
            await AdvisoryAsync(lockConnection, "pg_advisory_lock").ConfigureAwait(false);
        }

        try
        {
            await db.Database.MigrateAsync().ConfigureAwait(false);
            LogMigrated(logger);

            // Tiering needs a published policy to run: a new database starts with the design's default as version 1.
            if (!await db.TierPolicies.AnyAsync().ConfigureAwait(false))
            {
                var policy = TierPolicy.CreateDraft(1, DefaultPolicyName, TierPolicyTerms.Default, TimeProvider.System.GetUtcNow());
                policy.Publish(TimeProvider.System.GetUtcNow());
                db.TierPolicies.Add(policy);
                await db.SaveChangesAsync().ConfigureAwait(false);
            }

            await SeedDefaultSurveyTemplateAsync(db).ConfigureAwait(false);
        }
        finally
        {
            await AdvisoryAsync(lockConnection, "pg_advisory_unlock").ConfigureAwait(false);
        }
    }

    /// <summary>The migrators' lock key (an arbitrary constant of this application).</summary>
    private const long MigrationLockKey = 7130001;

    private static async Task<bool> AdvisoryAsync(NpgsqlConnection connection, string function)
    {
        // pg_try_advisory_lock and pg_advisory_unlock answer a boolean; pg_advisory_lock waits and answers nothing.
        await using var command = new NpgsqlCommand(function == "pg_advisory_lock" ? "SELECT true FROM (SELECT pg_advisory_lock(@key)) AS l" : $"SELECT {function}(@key)", connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is true;
    }

    /// <summary>
    /// Surveys need a published template to run a first campaign: a new database starts with the relationship survey
    /// (NPS, overall satisfaction, one open question), published. A database that has any template is left as it is.
    /// </summary>
    internal static async Task SeedDefaultSurveyTemplateAsync(AppDbContext db)
    {
        if (!await db.SurveyTemplates.AnyAsync().ConfigureAwait(false))
        {
            var now = TimeProvider.System.GetUtcNow();
            var template = SurveyTemplate.Create(DefaultSurveyTemplates.Relationship, now);
            template.Publish(null, null, now);
            db.SurveyTemplates.Add(template);
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another process is migrating the database: waiting for it")]
    private static partial void LogWaitingForMigrator(ILogger logger);
}
