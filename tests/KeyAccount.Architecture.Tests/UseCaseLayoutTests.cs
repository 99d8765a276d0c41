using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;

namespace KeyAccount.Architecture.Tests;

/// <summary>
/// The folder says the capability, the file name says the use case (CONVENTIONS.md): every Mediator handler lives in
/// <c>&lt;Capability&gt;/&lt;UseCase&gt;/</c>, is named <c>&lt;UseCase&gt;Handler</c>, handles <c>&lt;UseCase&gt;Command</c> or
/// <c>&lt;UseCase&gt;Query</c>, and sits alone in the file named after that message.
/// </summary>
public class UseCaseLayoutTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(KeyAccount.Application.DependencyInjection).Assembly,
        typeof(KeyAccount.Infrastructure.DependencyInjection).Assembly,
    ];

    /// <summary>The request handler interfaces of Mediator (notification handlers are many per message by design, so they are not use cases).</summary>
    private static readonly string[] HandlerInterfaces = ["ICommandHandler`1", "ICommandHandler`2", "IQueryHandler`2", "IRequestHandler`1", "IRequestHandler`2", "IStreamCommandHandler`2", "IStreamQueryHandler`2", "IStreamRequestHandler`2"];

    private static IEnumerable<(Type Handler, Type Message)> Handlers() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.Namespace == "Mediator" && HandlerInterfaces.Contains(contract.GetGenericTypeDefinition().Name)
        select (type, contract.GetGenericArguments()[0]);

    private static string UseCaseOf(Type message) =>
        message.Name.EndsWith("Command", StringComparison.Ordinal) ? message.Name[..^"Command".Length]
        : message.Name.EndsWith("Query", StringComparison.Ordinal) ? message.Name[..^"Query".Length]
        : message.Name;

    [Test]
    public void Handlers_AreFound()
    {
        Assert.That(Handlers().Count(), Is.GreaterThan(40), "the scan found the handlers");
    }

    [Test]
    public void EveryHandler_LivesInTheFolderOfItsUseCase_AndIsNamedAfterIt()
    {
        Assert.Multiple(() =>
        {
            foreach (var (handler, message) in Handlers())
            {
                var useCase = UseCaseOf(message);
                var folder = handler.Namespace!.Split('.')[^1];
                Assert.That(message.Name, Does.EndWith("Command").Or.EndWith("Query"), $"{message.FullName}: a message is a <Verb><Noun>Command or Query");
                Assert.That(handler.Name, Is.EqualTo(useCase + "Handler"), $"{handler.FullName} handles {message.Name}");
                Assert.That(folder, Is.EqualTo(useCase), $"{handler.FullName} should live in …/{useCase}/");
                Assert.That(message.Namespace, Is.EqualTo(handler.Namespace), $"{message.FullName} should live beside its handler");
            }
        });
    }

    [Test]
    public void EveryHandler_IsAloneInTheFileNamedAfterItsMessage()
    {
        var files = Handlers().Select(h => (h.Handler, h.Message, File: SourceFileOf(h.Handler))).ToList();
        Assert.Multiple(() =>
        {
            foreach (var (handler, message, file) in files)
            {
                Assert.That(file, Is.Not.Null, $"no source file found for {handler.FullName} (is the PDB next to the assembly?)");
                if (file is null)
                {
                    continue;
                }

                Assert.That(Path.GetFileName(file), Is.EqualTo(message.Name + ".cs"), $"{handler.FullName}");
                Assert.That(Path.GetFileName(Path.GetDirectoryName(file)), Is.EqualTo(UseCaseOf(message)), $"{handler.FullName}: the folder is the use case");
                var others = files.Where(f => f.File == file && f.Handler != handler).Select(f => f.Handler.Name).ToList();
                Assert.That(others, Is.Empty, $"{Path.GetFileName(file)} holds {handler.Name} and other handlers");
            }
        });
    }

    /// <summary>The source file of the type's <c>Handle</c> method, from the portable PDB beside the assembly (async bodies are in their state machine).</summary>
    private static string? SourceFileOf(Type handler)
    {
        var pdb = Path.ChangeExtension(handler.Assembly.Location, ".pdb");
        if (!File.Exists(pdb))
        {
            return null;
        }

        using var stream = File.OpenRead(pdb);
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var reader = provider.GetMetadataReader();
        var methods = handler.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == "Handle" || m.Name.EndsWith(".Handle", StringComparison.Ordinal))
            .SelectMany(m => m.GetCustomAttribute<AsyncStateMachineAttribute>() is { } async
                ? [m, async.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!]
                : new[] { m });
        foreach (var method in methods)
        {
            var handle = (MethodDefinitionHandle)MetadataTokens.EntityHandle(method.MetadataToken);
            var info = reader.GetMethodDebugInformation(handle.ToDebugInformationHandle());
            var document = info.Document.IsNil ? info.GetSequencePoints().Select(p => p.Document).FirstOrDefault() : info.Document;
            if (!document.IsNil)
            {
                return reader.GetString(reader.GetDocument(document).Name);
            }
        }

        return null;
    }
}
