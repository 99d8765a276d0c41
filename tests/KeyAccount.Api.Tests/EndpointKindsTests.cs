using KeyAccount.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KeyAccount.Api.Tests;

/// <summary>
/// <see cref="EndpointKinds.Verify"/> runs where the API is built (<see cref="KeyAccountApp.BuildAsync"/>) over the
/// endpoints actually mapped, so an undeclared write stops the API from starting.
/// </summary>
public class EndpointKindsTests
{
    private static string[] Args() =>
    [
        "--environment=Production",
        $"--ConnectionStrings:KeyAccount={ApiFixture.ConnectionString}",
        "--Auth:SigningKey=endpoint-kinds-tests-signing-key-0123456789abcdef",
        "--Jobs:Enabled=false",
        "--Logging:LogLevel:Default=Warning",
    ];

    [Test]
    public void BuildAsync_WhenAWriteEndpointDeclaresNoKind_Throws()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await KeyAccountApp.BuildAsync(Args(), a => a.MapGroup("/api/v1").MapPost("/undeclared", () => TypedResults.NoContent()).AllowAnonymous());
        });
        Assert.That(error!.Message, Does.Contain("POST /api/v1/undeclared"));
    }

    [Test]
    public async Task BuildAsync_WhenEveryWriteIsDeclared_VerifiesTheMappedEndpoints()
    {
        await using var app = await KeyAccountApp.BuildAsync(Args(), a => a.MapGroup("/api/v1").MapPost("/declared", () => TypedResults.NoContent()).Action("a test").AllowAnonymous());

        // The application's own data sources hold every endpoint; the EndpointDataSource service, which the earlier
        // Verify read, is still empty before the application starts, so it verified nothing.
        var writes = EndpointKinds.Verify(((IEndpointRouteBuilder)app).DataSources);
        Assert.That(writes, Is.GreaterThanOrEqualTo(20));
        Assert.That(app.Services.GetRequiredService<EndpointDataSource>().Endpoints, Is.Empty);
    }
}
