using KeyAccount.Api;

// `KeyAccount.Api migrate`: apply the migrations (under the migrators' lock) and exit; the step before replicas start.
if (args is ["migrate", .. var overrides])
{
    return await KeyAccountApp.MigrateAsync(overrides);
}

var app = await KeyAccountApp.BuildAsync(args);
await app.RunAsync();

// The host has stopped and is disposed. A scheduler whose shutdown was abandoned (the database gone: see SchedulerHost)
// still has threads of its own that would keep the process alive; nothing is left to wait for.
Environment.Exit(0);
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
