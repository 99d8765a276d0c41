using System.Reflection;
using NetArchTest.Rules;

namespace KeyAccount.Architecture.Tests;

/// <summary>Dependencies point inwards: Api → Application → Domain, Infrastructure implements Application's ports.</summary>
public class LayerTests
{
    private static readonly Assembly Domain = typeof(KeyAccount.Domain.Accounts.Account).Assembly;
    private static readonly Assembly Application = typeof(KeyAccount.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(KeyAccount.Infrastructure.DependencyInjection).Assembly;

    [Test]
    public void Domain_ReferencesNoOtherAssemblyThanTheFramework()
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(referenced.Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib"), Is.Empty);
    }

    [Test]
    public void Domain_DoesNotDependOnOtherLayersOrLibraries()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("KeyAccount.Application", "KeyAccount.Infrastructure", "KeyAccount.Api", "Microsoft.EntityFrameworkCore", "Mediator", "FluentValidation", "Npgsql")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Test]
    public void Application_DoesNotDependOnInfrastructureOrApi()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("KeyAccount.Infrastructure", "KeyAccount.Api", "Npgsql", "Microsoft.AspNetCore", "Quartz")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Test]
    public void Application_DoesNotReferenceInfrastructureOrApiAssemblies()
    {
        var referenced = Application.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.That(referenced, Has.None.StartsWith("KeyAccount.Infrastructure").And.None.StartsWith("KeyAccount.Api"));
    }

    [Test]
    public void Infrastructure_DoesNotDependOnApi()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("KeyAccount.Api").GetResult();
        Assert.That(result.IsSuccessful, Is.True, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Test]
    public void Handlers_AreSealedAndLiveBesideTheirCommandInTheCapabilityFolder()
    {
        var handlers = Types.InAssembly(Application).That().HaveNameEndingWith("Handler").GetTypes().ToList();
        Assert.That(handlers, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var handler in handlers)
            {
                Assert.That(handler.IsSealed, Is.True, $"{handler.Name} should be sealed");
                Assert.That(handler.Namespace!.Split('.'), Has.Length.GreaterThanOrEqualTo(4), $"{handler.FullName} should live in <Capability>/<UseCase>/");
            }
        });
    }
}
