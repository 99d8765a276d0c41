using KeyAccount.Api;

// `KeyAccount.Api migrate`: apply the migrations (under the migrators' lock) and exit; the step before replicas start.
if (args is ["migrate", .. var overrides])
{
    return await KeyAccountApp.MigrateAsync(overrides);
}

var app = await KeyAccountApp.BuildAsync(args);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
