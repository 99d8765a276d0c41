using KeyAccount.Api;

var app = await KeyAccountApp.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
