using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Surveys;
using KeyAccount.Domain.Tiering;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

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
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("KeyAccount.Startup");
        if (config.GetValue("KeyAccount:MigrateOnStartup", false))
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
}
