using System.Net.Http.Headers;
using System.Net.Http.Json;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Domain.Users;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using KeyAccount.Api.Tests.Infrastructure;
using Respawn;

namespace KeyAccount.Api.Tests;

/// <summary>
/// One API host for the whole run (WebApplicationFactory, Production settings, real PostgreSQL, Quartz on its
/// clustered store). Users are created once; everything else is reset with Respawn before each test.
/// </summary>
[SetUpFixture]
public sealed class ApiFixture
{
    public const string Password = "Test-Password!1";

    private static TestDatabase? database;
    private static Respawner? respawner;
    private static readonly Dictionary<string, string> Tokens = [];

    public static WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The SMTP server on loopback that the host sends its mail to.</summary>
    public static TestSmtpServer Smtp { get; private set; } = null!;

    public static string ConnectionString => database!.ConnectionString;

    /// <summary>The test users, by email local part: one per role plus a second account manager.</summary>
    public static IReadOnlyDictionary<string, User> Users { get; private set; } = new Dictionary<string, User>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        database = await TestDatabase.StartAsync();
        Smtp = TestSmtpServer.Start();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:KeyAccount", database.ConnectionString);
            web.UseSetting("Auth:SigningKey", "integration-tests-signing-key-0123456789abcdef");
            web.UseSetting("KeyAccount:MigrateOnStartup", "true");
            web.UseSetting("RateLimits:LoginsPerMinutePerAddress", "100000");
            // The suite is not one user: a test user makes thousands of requests a minute in a Release run, more than the
            // production budget (1,200); the per-user limit has its own test on a host of its own.
            web.UseSetting("RateLimits:RequestsPerMinutePerUser", "1000000");
            // The public survey endpoints and every anonymous request share one address here: their limits have their own tests.
            web.UseSetting("RateLimits:PublicSurveyRequestsPerMinutePerAddress", "1000000");
            web.UseSetting("RateLimits:AnonymousRequestsPerMinutePerAddress", "1000000");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            // Webhook receivers in tests listen on loopback over plain HTTP: the SSRF guard is lifted here only.
            web.UseSetting("Webhooks:AllowPrivateTargets", "true");
            web.UseSetting("Webhooks:PollSeconds", "1");
            // Mail goes to a real SMTP server on loopback (plain SMTP: no TLS on a test port).
            web.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            web.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Mail:Smtp:Security", "None");
            web.UseSetting("Mail:PollSeconds", "1");
            web.UseSetting("App:PublicBaseUrl", "https://kam.test.local");
            // The survey campaign job is run by its tests at the instants they choose (SurveyMailTests), not every minute
            // underneath the campaign tests, which read invitations as opening left them.
            web.UseSetting("Jobs:SurveyCampaign:Enabled", "false");
            // The system clock unless a test sets it (TestClock): the SLA tests move time.
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(TestClock.Instance);
                // The account satisfaction refresh belongs to the results (survey-results); here it is recorded, not computed.
                if (!services.Any(d => d.ServiceType == typeof(ISatisfactionRefresh)))
                {
                    services.AddSingleton<ISatisfactionRefresh>(RecordingSatisfactionRefresh.Instance);
                }
            });
        });
        _ = Factory.Server; // start: migrates

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher>().Hash(Password);
        var now = DateTimeOffset.UtcNow;
        var users = new Dictionary<string, User>
        {
            ["admin"] = User.Create("admin@test.local", "Admin", Role.Admin, hash, now),
            ["director"] = User.Create("director@test.local", "Director", Role.Director, hash, now),
            ["accountmanager"] = User.Create("accountmanager@test.local", "Manager One", Role.AccountManager, hash, now),
            ["accountmanager2"] = User.Create("accountmanager2@test.local", "Manager Two", Role.AccountManager, hash, now),
            ["serviceagent"] = User.Create("serviceagent@test.local", "Agent", Role.ServiceAgent, hash, now),
            ["qualitymanager"] = User.Create("qualitymanager@test.local", "Quality", Role.QualityManager, hash, now),
            ["marketing"] = User.Create("marketing@test.local", "Marketing", Role.Marketing, hash, now),
        };
        db.Users.AddRange(users.Values);
        await db.SaveChangesAsync();
        Users = users;

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__ef_migrations_history", "users", "reference_items", "qrtz_job_details", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_simple_triggers", "qrtz_locks", "qrtz_scheduler_state", "qrtz_fired_triggers"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            ReportContract();
        }
        finally
        {
            await Factory.DisposeAsync();
            await Smtp.DisposeAsync();
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>After the last test: every response the tests received was checked against the OpenAPI document.</summary>
    private static void ReportContract()
    {
        var violations = ContractValidator.Violations.Distinct().ToList();
        TestContext.Progress.WriteLine($"Contract: {ContractValidator.Validated} responses validated against the OpenAPI document, {violations.Count} violations ({ContractValidator.Unmatched} responses to requests outside the document)");
        foreach (var violation in violations)
        {
            TestContext.Progress.WriteLine("Contract violation: " + violation);
        }

        Assert.That(violations, Is.Empty, "Responses disagree with the OpenAPI document:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Empties the tables before a test. The host's jobs keep running meanwhile (the webhook delivery job reads the
    /// outbox every second), so the reset's table locks can deadlock with a job's transaction; PostgreSQL then cancels
    /// the reset, which is simply done again.
    /// </summary>
    public static async Task ResetAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await respawner!.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    /// <summary>An HTTP client signed in (through the real login endpoint) as the given test user.</summary>
    public static async Task<HttpClient> ClientAsAsync(string user)
    {
        var client = CreateClient();
        if (!Tokens.TryGetValue(user, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"{user}@test.local", password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<LoginBody>())!.AccessToken;
            Tokens[user] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient Anonymous() => CreateClient();

    /// <summary>A client like <c>Factory.CreateClient()</c> whose every response is checked against the OpenAPI document.</summary>
    private static HttpClient CreateClient() =>
        Factory.CreateDefaultClient(new Uri("http://localhost"), new ContractValidatingHandler(), new RedirectHandler(), new CookieContainerHandler());

    private sealed record LoginBody(string AccessToken);
}
