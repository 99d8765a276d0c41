using KeyAccount.Application.Common.Exports;
using Microsoft.Extensions.Options;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Infrastructure.Identity;
using KeyAccount.Infrastructure.Jobs;
using KeyAccount.Infrastructure.Persistence;
using KeyAccount.Infrastructure.Persistence.Interceptors;
using KeyAccount.Infrastructure.Seeding;
using KeyAccount.Infrastructure.Webhooks;
using KeyAccount.Application.Webhooks.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace KeyAccount.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Pool size of the EF context pool and of Npgsql's connection pool per process (keep replicas × this below max_connections).</summary>
    public const int PoolSize = 64;

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var connectionString = BuildConnectionString(builder.Configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new DomainEventsToOutboxInterceptor());
        services.AddSingleton(new TimelineAppendInterceptor());
        services.AddSingleton<AuditTrailInterceptor>();
        services.AddSingleton<BrokenConnectionGuard>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<ClientSessions>();
        services.AddSingleton(sp => new UserSessionEviction(new Lazy<UserSessions>(sp.GetRequiredService<UserSessions>), new Lazy<ClientSessions>(sp.GetRequiredService<ClientSessions>)));
        services.AddHostedService<UserSessionListener>();
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).EnableDynamicJson().Build();
        services.AddSingleton(dataSource);
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            // Pooled contexts are never shared between threads; skip the per-call concurrency check.
            .EnableThreadSafetyChecks(false)
            .AddInterceptors(sp.GetRequiredService<DomainEventsToOutboxInterceptor>(), sp.GetRequiredService<TimelineAppendInterceptor>(), sp.GetRequiredService<AuditTrailInterceptor>(), sp.GetRequiredService<BrokenConnectionGuard>(), sp.GetRequiredService<UserSessionEviction>()), PoolSize);
        // The caller is whoever the scope serves (a request's user; none in a job's scope), named by the audit trail.
        services.AddScoped(sp => AppDbContext.Rent(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetService<ICurrentUser>()));
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        services.AddScoped<IRevenueWriter, RevenueWriter>();
        services.AddScoped<IIdempotencyStore, Idempotency.IdempotencyStore>();
        services.AddScoped<IReminderWriter, ReminderWriter>();
        services.AddScoped<ITieringEngine, Tiering.TieringEngine>();
        services.AddScoped<IAccountSignals, Tiering.AccountSignalsReader>();
        services.AddScoped<IAccountMetrics, Metrics.AccountMetricsReader>();
        services.AddScoped<IPlanCoverage, DevelopmentPlans.PlanCoverageReader>();
        services.AddScoped<IPlanMetricsRefresh, DevelopmentPlans.PlanMetricsRefresh>();
        services.AddScoped<IPlanReminders, DevelopmentPlans.PlanReminderWriter>();
        services.AddScoped<IPortfolioReader, Tiering.PortfolioReader>();
        services.AddScoped<IAccountHealthStore, Health.AccountHealthStore>();
        services.AddScoped<IComplaintMetricsReader, Complaints.ComplaintMetricsReader>();
        services.AddScoped<IComplaintBatchWriter, Complaints.ComplaintBatchWriter>();
        services.AddScoped<IMailOutbox, Email.MailOutbox>();
        services.AddOptions<Surveys.SurveyOptions>().Bind(builder.Configuration.GetSection(Surveys.SurveyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Surveys.SurveyTokenKey>();
        services.AddScoped<ISurveyAudience, Surveys.SurveyAudienceReader>();
        services.AddScoped<ISurveyTemplateCatalog, Surveys.SurveyTemplateCatalog>();
        services.AddSingleton<ISurveySettings, Surveys.SurveySettings>();
        services.AddScoped<ISurveyContacts, Surveys.SurveyContacts>();
        services.AddSingleton<Surveys.SurveyMailer>();
        services.AddSingleton<Email.IMailKindHandler, Surveys.SurveyMailKinds>();
        services.AddScoped<ISatisfactionRefresh, Surveys.SatisfactionRefresh>();
        services.AddScoped<ISurveyResultsReader, Surveys.SurveyResultsReader>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddOptions<JwtOptions>().Bind(builder.Configuration.GetSection(JwtOptions.Section));
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        // Outbound HTTP (webhooks, notification gateways) goes through this client: retries with backoff,
        // timeouts and a circuit breaker (Polly, via Microsoft.Extensions.Http.Resilience).
        services.AddHttpClient(OutboundHttpClient).AddStandardResilienceHandler();
        AddWebhooks(builder);
        AddMail(builder);

        // Exports: one writer per format; the limit is read once (Exports:MaxRows) and shared by every list's export.
        services.AddOptions<Application.Tiering.Common.TieringSafetyOptions>().Bind(builder.Configuration.GetSection(Application.Tiering.Common.TieringSafetyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Application.Tiering.Common.TieringSafetyOptions>>().Value);
        services.AddOptions<ExportOptions>().Bind(builder.Configuration.GetSection(ExportOptions.Section))
            .Validate(o => o.MaxRows > 0, "Exports:MaxRows must be positive.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExportOptions>>().Value);
        services.AddSingleton<IExportWriter, Exports.CsvExportWriter>();
        services.AddSingleton<IExportWriter, Exports.XlsxExportWriter>();

        if (builder.Configuration.GetValue("Jobs:Enabled", true))
        {
            AddScheduler(builder, connectionString);
        }

        return builder;
    }

    public const string OutboundHttpClient = "outbound";

    /// <summary>
    /// Webhook delivery: the SSRF guard, a client that never follows redirects and connects only where the guard
    /// allows, and one circuit breaker (inside it the 15 s timeout) per endpoint, so one dead receiver fails fast
    /// without holding the others up.
    /// </summary>
    private static void AddWebhooks(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookTargetGuard>();
        services.AddSingleton<IWebhookTargetGuard>(sp => sp.GetRequiredService<WebhookTargetGuard>());
        services.AddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
            });
        services.AddSingleton<WebhookCircuits>();
    }

    /// <summary>
    /// The notification gateway: MailKit over SMTP when <c>Mail:Smtp:Host</c> is set, otherwise <c>.eml</c> files in the
    /// pickup folder (<c>Mail:PickupDirectory</c>, default <c>$KEYACCOUNT_DATA/mail</c>).
    /// </summary>
    private static void AddMail(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<Email.MailOptions>().Bind(builder.Configuration.GetSection(Email.MailOptions.Section))
            .Configure(o => o.PublicBaseUrl = builder.Configuration["App:PublicBaseUrl"]);
        services.AddSingleton<Email.IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Email.MailOptions>>();
            return string.IsNullOrWhiteSpace(options.Value.Smtp.Host)
                ? new Email.PickupDirectoryTransport(PickupDirectory(options.Value))
                : new Email.SmtpMailTransport(options, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<Email.MailSender>();
        services.AddSingleton<Email.ReminderMailer>();
    }

    /// <summary>Where mail goes without SMTP settings.</summary>
    public static string PickupDirectory(Email.MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            return Path.GetFullPath(options.PickupDirectory);
        }

        var data = Environment.GetEnvironmentVariable("KEYACCOUNT_DATA");
        return Path.GetFullPath(Path.Combine(string.IsNullOrWhiteSpace(data) ? "." : data, "mail"));
    }

    /// <summary>Production connection settings: pooled, auto-prepared statements, bounded pool.</summary>
    public static string BuildConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var raw = configuration.GetConnectionString("KeyAccount");
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new InvalidOperationException("ConnectionStrings:KeyAccount is not configured (deploy/run.sh sets it; see the README).");
        }

        var csb = new NpgsqlConnectionStringBuilder(raw);
        if (!raw.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxAutoPrepare = 64;
            csb.AutoPrepareMinUsages = 2;
        }

        if (!raw.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !raw.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            csb.MaxPoolSize = PoolSize;
        }

        csb.ApplicationName ??= "keyaccount";
        return csb.ConnectionString;
    }

    private static void AddScheduler(IHostApplicationBuilder builder, string connectionString)
    {
        var cron = builder.Configuration["Jobs:ContactCadenceReminders:Cron"] ?? "0 0 6 * * ?";
        var tieringCron = builder.Configuration["Jobs:TieringRun:Cron"] ?? "0 0 2 1 * ?";
        var escalationCron = builder.Configuration["Jobs:ComplaintEscalation:Cron"] ?? "0 * * * * ?";
        var healthCron = builder.Configuration["Jobs:AccountHealth:Cron"] ?? "0 */15 * * * ?";
        var planMetricsCron = builder.Configuration["Jobs:PlanMetricsRefresh:Cron"] ?? "0 0 18 * * ?";
        var planRemindersCron = builder.Configuration["Jobs:PlanReminders:Cron"] ?? "0 0 1 * * ?";
        var surveyCron = builder.Configuration["Jobs:SurveyCampaign:Cron"] ?? "0 * * * * ?";
        var surveyTriggered = builder.Configuration.GetValue("Jobs:SurveyCampaign:Enabled", true);
        var mailPollSeconds = builder.Configuration.GetValue(Email.MailOptions.Section + ":PollSeconds", 5);
        var webhookPollSeconds = builder.Configuration.GetValue(WebhookOptions.Section + ":PollSeconds", 2);
        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                // Separate small pool for the scheduler, so jobs never starve requests (and the other way round).
                var quartzConnection = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 8, ApplicationName = "keyaccount-quartz" };
                store.UsePostgres(quartzConnection.ConnectionString);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(15);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                });
            });
            q.AddJob<ContactCadenceReminderJob>(j => j.WithIdentity(ContactCadenceReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(ContactCadenceReminderJob.Key)
                .WithIdentity("contact-cadence-reminders-daily", "accounts")
                .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob<TieringRunJob>(j => j.WithIdentity(TieringRunJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(TieringRunJob.Key)
                .WithIdentity("tiering-run-monthly", "tiering")
                .WithCronSchedule(tieringCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob<AccountHealthJob>(j => j.WithIdentity(AccountHealthJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(AccountHealthJob.Key)
                .WithIdentity("account-health-periodic", "accounts")
                .WithCronSchedule(healthCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddTrigger(t => t
                .ForJob(AccountHealthJob.Key)
                .WithIdentity("account-health-at-start", "accounts")
                .StartNow());
            q.AddJob<WebhookDeliveryJob>(j => j.WithIdentity(WebhookDeliveryJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(WebhookDeliveryJob.Key)
                .WithIdentity("webhook-delivery-poll", "webhooks")
                .StartNow()
                .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(Math.Max(1, webhookPollSeconds))).RepeatForever()));
            q.AddJob<MailDeliveryJob>(j => j.WithIdentity(MailDeliveryJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(MailDeliveryJob.Key)
                .WithIdentity("mail-delivery-poll", "mail")
                .StartNow()
                .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(Math.Max(1, mailPollSeconds))).RepeatForever()));
            q.AddJob<PlanMetricsRefreshJob>(j => j.WithIdentity(PlanMetricsRefreshJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(PlanMetricsRefreshJob.Key)
                .WithIdentity("plan-metrics-refresh-nightly", "plans")
                .WithCronSchedule(planMetricsCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob<PlanRemindersJob>(j => j.WithIdentity(PlanRemindersJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(PlanRemindersJob.Key)
                .WithIdentity("plan-reminders-daily", "plans")
                .WithCronSchedule(planRemindersCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob<ComplaintEscalationJob>(j => j.WithIdentity(ComplaintEscalationJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(ComplaintEscalationJob.Key)
                .WithIdentity("complaint-escalation-every-minute", "complaints")
                .WithCronSchedule(escalationCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            q.AddJob<SurveyCampaignJob>(j => j.WithIdentity(SurveyCampaignJob.Key).StoreDurably());
            if (surveyTriggered)
            {
                q.AddTrigger(t => t
                    .ForJob(SurveyCampaignJob.Key)
                    .WithIdentity("survey-campaigns-every-minute", "surveys")
                    .WithCronSchedule(surveyCron, c => c.InTimeZone(TimeZoneInfo.Utc)));
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
