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
        services.AddSingleton<IDatabaseFaults, DatabaseFaults>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<ClientSessions>();
        services.AddSingleton(sp => new UserSessionEviction(new Lazy<UserSessions>(sp.GetRequiredService<UserSessions>), new Lazy<ClientSessions>(sp.GetRequiredService<ClientSessions>)));
        services.AddHostedService<UserSessionListener>();
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).EnableDynamicJson().Build();
        services.AddSingleton(dataSource);
        var direct = builder.Configuration.GetConnectionString(SessionConnections.ConnectionName);
        services.AddSingleton(string.IsNullOrWhiteSpace(direct)
            ? new SessionConnections(dataSource)
            : new SessionConnections(new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(direct) { ApplicationName = "keyaccount-session", MaxPoolSize = 4 }.ConnectionString).Build()));
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
        else
        {
            services.AddScoped<Application.Jobs.Common.IJobAdministration, Jobs.NoJobAdministration>();
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
        var retry = RetryPolicy.Exponential(
            builder.Configuration.GetValue("Jobs:Retry:MaxAttempts", 4),
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:Retry:FirstDelaySeconds", 60)),
            2);
        var misfireThreshold = TimeSpan.FromSeconds(builder.Configuration.GetValue("Jobs:MisfireThresholdSeconds", 60));
        builder.Services.AddSingleton<JobRunRecorder>();
        builder.Services.AddScoped<Application.Jobs.Common.IJobAdministration, JobAdministration>();
        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(4);
            // A failed run's span gets the job's own exception from JobRunTracing, not Quartz's wrapper of it.
            q.ConfigureScheduler(o => o.RecordExceptionSpanEvents = false);
            // A failed run is retried at 1, 2, 4 and 8 minutes (Jobs:Retry:*) by Quartz itself: the attempt is stored on
            // the trigger in the clustered store, so any node makes it. A retry never displaces the trigger's next
            // regular occurrence, so the every-minute jobs and the pollers are simply run again by their schedule.
            q.UseDefaultRetryPolicy(retry);
            q.UsePersistentStore(store =>
            {
                // Separate small pool for the scheduler, so jobs never starve requests (and the other way round).
                var quartzConnection = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 8, ApplicationName = "keyaccount-quartz" };
                store.UsePostgres(quartzConnection.ConnectionString);
                store.ConfigureStore(o => o.MisfireThreshold = misfireThreshold);
                // A node that stops checking in is declared dead once its check-in is interval + threshold overdue; then
                // another node frees the triggers it had acquired and recovers its runs. At 15 + 30 s a due escalation
                // waited 44–53 s after a replica was killed (deploy/bench.sh faults); at 5 + 15 s it waits about 20 s. A
                // check-in is one small UPDATE per node every 5 s; 15 s of slack keeps a node that is slow for a moment
                // (a long GC, a loaded machine) from being taken for dead.
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(5);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                });
            });

            // Job details only; their triggers are written by JobScheduleSync, and only when their schedule changed.
            // RequestRecovery: a run whose node dies is run again by another node (recorded as a recovery). The pollers
            // need none: their next poll is seconds away.
            q.AddJob<ContactCadenceReminderJob>(j => j.WithIdentity(ContactCadenceReminderJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<TieringRunJob>(j => j.WithIdentity(TieringRunJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<AccountHealthJob>(j => j.WithIdentity(AccountHealthJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<WebhookDeliveryJob>(j => j.WithIdentity(WebhookDeliveryJob.Key).StoreDurably());
            q.AddJob<MailDeliveryJob>(j => j.WithIdentity(MailDeliveryJob.Key).StoreDurably());
            q.AddJob<PlanMetricsRefreshJob>(j => j.WithIdentity(PlanMetricsRefreshJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<PlanRemindersJob>(j => j.WithIdentity(PlanRemindersJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<ComplaintEscalationJob>(j => j.WithIdentity(ComplaintEscalationJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<SurveyCampaignJob>(j => j.WithIdentity(SurveyCampaignJob.Key).StoreDurably().RequestRecovery());
            q.AddJobListener(sp => sp.GetRequiredService<JobRunRecorder>(), [GroupMatcher<JobKey>.AnyGroup()]);
            // Around every run, inside Quartz's span of it: a log scope naming the job, trigger and fire instance
            // (beside the trace id every line written in the span carries), and the span's name and KeyAccount tags.
            q.AddJobLogScope();
            q.AddJobMiddleware<JobRunTracing>();
        });
        // Before the Quartz hosted service starts the scheduler: the triggers are in place when it first acquires.
        builder.Services.AddHostedService<JobScheduleSync>();
        // Quartz's hosted service would wait for the scheduler's shutdown without a bound (SchedulerHost says why).
        builder.Services.AddHostedService<SchedulerHost>();
    }
}
