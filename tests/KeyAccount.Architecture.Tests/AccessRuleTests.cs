using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace KeyAccount.Architecture.Tests;

/// <summary>
/// "Who may see an account" has one home: the view <c>account_viewers</c> (created by a migration, named by
/// Infrastructure/Sql/AccountViewersSql.cs, mapped by EF) for what a restricted user sees, and
/// <c>AccountAccess.RestrictedTo</c> for who is restricted. Shared SQL lives in Infrastructure/Sql, and Application
/// names no EF model internals (shadow properties, column names, SQL).
/// </summary>
public partial class AccessRuleTests
{
    private static readonly Assembly Application = typeof(KeyAccount.Application.DependencyInjection).Assembly;

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KeyAccount.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("KeyAccount.sln not found above the test directory.");
    }

    private static IEnumerable<(string Path, string[] Lines)> Sources(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllLines(p)));

    /// <summary>Code, without comment lines (documentation may name the view it explains).</summary>
    private static IEnumerable<(string Path, int Line, string Text)> CodeLines(string project) =>
        Sources(project).SelectMany(f => f.Lines.Select((text, i) => (f.Path, Line: i + 1, Text: text)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal));

    [Test]
    public void Application_NamesNoEfModelInternals()
    {
        // EF.Property / shadow properties, the row-version system column, EF metadata and change-tracker entries, raw SQL.
        var forbidden = new Regex(@"EF\.Property|\bProperty<|""xmin""|\.Metadata\.|\.Entry\(|FromSql|SqlQuery|ExecuteSql", RegexOptions.CultureInvariant);
        var hits = CodeLines("KeyAccount.Application").Where(l => forbidden.IsMatch(l.Text)).Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}");
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void Application_HasNoSqlNames()
    {
        // A snake_case identifier in a string literal is a table or column name: Application speaks the model, not SQL.
        var sqlName = SnakeCaseLiteral();
        var hits = CodeLines("KeyAccount.Application").Where(l => sqlName.IsMatch(l.Text)).Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}");
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void Application_DoesNotDependOnEfMetadataOrTheDriver()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore.Metadata", "Microsoft.EntityFrameworkCore.Storage", "Microsoft.EntityFrameworkCore.Migrations", "Npgsql")
            .GetResult();
        Assert.That(result.IsSuccessful, Is.True, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Test]
    public void TheVisibilityRule_IsWrittenOnlyInItsModule()
    {
        // The team table appears only where EF maps it and where foreign-key errors name it; the view only in its module
        // (and the migrations that create it). Anything else reads the rule through AccountViewersSql / AccountScopeSql
        // or AccountAccess.
        var allowed = new Dictionary<string, string[]>
        {
            ["account_team_members"] = ["src/KeyAccount.Infrastructure/Persistence/Configurations/AccountConfiguration.cs", "src/KeyAccount.Infrastructure/Persistence/AppDbContext.cs"],
            ["account_viewers"] = ["src/KeyAccount.Infrastructure/Sql/AccountViewersSql.cs"],
        };
        var hits = new[] { "KeyAccount.Domain", "KeyAccount.Application", "KeyAccount.Infrastructure", "KeyAccount.Api" }
            .SelectMany(CodeLines)
            .Where(l => !l.Path.Contains("/Persistence/Migrations/", StringComparison.Ordinal))
            .SelectMany(l => allowed.Where(a => l.Text.Contains(a.Key, StringComparison.Ordinal) && !a.Value.Contains(l.Path)).Select(a => $"{l.Path}:{l.Line}: {l.Text.Trim()}"));
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void SqlFragments_AreNotSplicedAcrossCapabilities()
    {
        // An interpolated SQL string may splice fragments only from the named modules in Infrastructure/Sql (or from its own
        // class): a reference like {AccountSignalsReader.ScopeFilter} from another capability's class is what this forbids.
        var splice = SplicedMember();
        var hits = CodeLines("KeyAccount.Infrastructure")
            .SelectMany(l => splice.Matches(l.Text).Select(m => (l.Path, l.Line, Type: m.Groups["type"].Value)))
            .Where(h => !h.Type.EndsWith("Sql", StringComparison.Ordinal))
            .Where(h => IsSqlModuleMember(h.Type))
            .Select(h => $"{h.Path}:{h.Line}: {{{h.Type}.…}}");
        Assert.That(hits, Is.Empty);
    }

    /// <summary>Whether <paramref name="type"/> is a class of Infrastructure that holds SQL text (a const or static string) other classes could splice.</summary>
    private static bool IsSqlModuleMember(string type) =>
        typeof(KeyAccount.Infrastructure.DependencyInjection).Assembly.GetTypes()
            .Any(t => t.Name == type && t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Any(f => f.FieldType == typeof(string)));

    [Test]
    public void TheSqlModules_LiveInInfrastructureSql()
    {
        var modules = typeof(KeyAccount.Infrastructure.DependencyInjection).Assembly.GetTypes()
            .Where(t => t.Name is "AccountViewersSql" or "AccountScopeSql" or "ContactCadenceSql").ToList();
        Assert.That(modules.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "KeyAccount.Infrastructure.Sql" }));
        Assert.That(modules, Has.Count.EqualTo(3));
    }

    [GeneratedRegex(@"""[^""]*\b[a-z]+_[a-z_]+\b[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCaseLiteral();

    [GeneratedRegex(@"\{(?<type>[A-Z][A-Za-z]+)\.[A-Z][A-Za-z]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex SplicedMember();
}
