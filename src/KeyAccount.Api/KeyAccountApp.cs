using System.Text.Json.Serialization;
using KeyAccount.Api.Endpoints;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application;
using KeyAccount.Application.Common.Abstractions;
using KeyAccount.Application.Common.Behaviors;
using KeyAccount.Application.Common.Serialization;
using KeyAccount.Infrastructure;
using KeyAccount.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;

namespace KeyAccount.Api;

/// <summary>
/// The whole API as one application, built in one place: services, startup tasks, the middleware pipeline and every
/// endpoint. Program runs it; a host built on top of it (the benchmark host in bench/) adds its own endpoints through
/// <c>mapExtra</c>, before the endpoint conventions are verified, and then runs it the same way.
/// </summary>
public static class KeyAccountApp
{
    /// <summary>
    /// Where the API reads <c>appsettings.json</c> from: the current folder when it has one (<c>dotnet run</c> in the
    /// project, a container's working directory), else the folder the API's assembly is in — so that started from
    /// anywhere else (the repository root, a service manager) it still reads its own settings instead of running on
    /// built-in defaults. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> wins (null: the default).
    /// </summary>
    public static string? ContentRootFor(string[] args, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var explicitly = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (explicitly || File.Exists(Path.Combine(currentDirectory, "appsettings.json")))
        {
            return null;
        }

        var own = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(own, "appsettings.json")) ? own : null;
    }

    /// <summary>The API's services and configuration, before it is built.</summary>
    private static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The API's own assembly names the application whoever hosts it (user secrets, the OpenAPI document's XML).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(KeyAccountApp).Assembly.GetName().Name,
            ContentRootPath = ContentRootFor(args, Environment.CurrentDirectory),
        });

        builder.AddInfrastructure();
        builder.AddKeyAccountDelivery();
        builder.AddKeyAccountTelemetry();
        builder.Services.AddApplication();
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(KeyAccount.Application.DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
        });

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUser, CurrentUser>();
        builder.Services.AddScoped<KeyAccount.Application.Users.Common.IPublicLinks, PublicLinks>();
        builder.Services.AddSingleton<EventCatalogue>();
        builder.Services.AddKeyAccountAuth(builder.Configuration);
        builder.Services.AddKeyAccountRateLimits(builder.Configuration);
        builder.Services.AddKeyAccountProxyHeaders(builder.Configuration);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = RevenueEndpoints.MaxBodyBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));
        builder.Services.AddKeyAccountOpenApi();
        builder.Services.AddKeyAccountHealthChecks();
        return builder;
    }

    /// <summary>
    /// The <c>migrate</c> command (<c>KeyAccount.Api migrate [configuration overrides]</c>): applies the migrations and
    /// writes what a new database starts with, under the migrators' lock, then exits — the step that runs before
    /// replicas start (deploy/run.sh, the container's migrate service, the Kubernetes Job). Returns the exit code.
    /// </summary>
    public static async Task<int> MigrateAsync(string[] args)
    {
        await using var app = CreateBuilder(args).Build();
        await using var scope = app.Services.CreateAsyncScope();
        await StartupTasks.MigrateAsync(scope.ServiceProvider).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the API, ready to run.</summary>
    /// <param name="args">Command-line arguments (configuration overrides, <c>--environment</c>).</param>
    /// <param name="mapExtra">Endpoints a hosting project adds; they are verified with the API's own.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplication>? mapExtra = null)
    {
        var app = CreateBuilder(args).Build();

        await StartupTasks.RunAsync(app).ConfigureAwait(false);

        app.UseForwardedHeaders();
        app.UseKeyAccountDelivery();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseRoutingRejections();
        app.UseKeyAccountOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/swagger/v1/swagger.json", "KeyAccount API v1");
            ui.DocumentTitle = "KeyAccount API";
            ui.EnablePersistAuthorization();
            // Tags start folded: with a hundred paths and more, Swagger UI's default (every tag unfolded) renders only the
            // first tags' operations; an integrator unfolds the tag they need (or filters by it).
            ui.DocExpansion(Swashbuckle.AspNetCore.SwaggerUI.DocExpansion.None);
            ui.EnableFilter();
        });
        app.UsePrecompressedSpaAssets();
        SpaHosting.UseSpaFiles(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapKeyAccountHealthChecks();
        app.MapGet("/swagger", () => Results.Redirect("/swagger/index.html")).ExcludeFromDescription().AllowAnonymous();

        var api = app.MapGroup("/api/v1").AddRequestGuard();
        api.MapAuth();
        api.MapAccounts();
        api.MapAccountChildren();
        api.MapRevenue();
        api.MapTiering();
        api.MapDashboard();
        api.MapWorkspace();
        api.MapPlanCoverage();
        api.MapComplaints();
        api.MapDevelopmentPlans();
        api.MapSurveyFollowUps();
        api.MapSurveyCampaigns();
        api.MapSurveyTemplates();
        api.MapSurveyResponses();
        api.MapPublicSurveys();
        api.MapSurveyResults();
        api.MapWebhooks();
        api.MapUsers();
        api.MapReferenceData();
        api.MapAudit();
        api.MapAdminJobs();
        api.MapApiClients();
        api.MapOAuthToken();

        mapExtra?.Invoke(app);

        SpaHosting.MapFallback(app);

        // The endpoints as mapped on the application. The EndpointDataSource service only sees them once the pipeline
        // is built (when the application starts), so here it would be empty and verify nothing.
        EndpointKinds.Verify(((IEndpointRouteBuilder)app).DataSources);
        return app;
    }

    private static void ConfigureJson(System.Text.Json.JsonSerializerOptions options)
    {
        // Ours first: the first converter that takes a type wins. The framework's enum converter stays in the list
        // only so that the OpenAPI generator documents enums as strings; ours reads and writes them.
        InputJsonConverters.AddTo(options);
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new TypedIdJsonConverterFactory());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }
}
