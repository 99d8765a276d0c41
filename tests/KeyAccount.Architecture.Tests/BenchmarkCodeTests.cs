using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace KeyAccount.Architecture.Tests;

/// <summary>Benchmark-only endpoints live in bench/KeyAccount.Bench.Host, never in the production assembly.</summary>
public class BenchmarkCodeTests
{
    private static readonly Assembly Api = typeof(KeyAccount.Api.KeyAccountApp).Assembly;

    [Test]
    public void Api_HasNoBenchmarkOrBaselineType()
    {
        var names = Api.GetTypes().Select(t => t.FullName ?? t.Name)
            .Where(n => n.Contains("Bench", StringComparison.OrdinalIgnoreCase) || n.Contains("Baseline", StringComparison.OrdinalIgnoreCase));
        Assert.That(names, Is.Empty);
    }

    [Test]
    public void Api_MapsNoBenchRoute()
    {
        // Every string literal compiled into the assembly (the #US heap: route templates, SQL, messages).
        using var stream = File.OpenRead(Api.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            literals.Add(metadata.GetUserString(handle));
        }

        Assert.That(literals, Is.Not.Empty.And.Some.Contains("/api/v1"), "the scan reads the assembly's literals");
        Assert.That(literals.Where(s => s.Contains("/bench", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }
}
