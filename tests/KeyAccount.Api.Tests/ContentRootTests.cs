using KeyAccount.Api;

namespace KeyAccount.Api.Tests;

/// <summary>The API reads its own appsettings.json wherever it is started from (issue 15: run.sh used to start it from the repository root).</summary>
public class ContentRootTests
{
    [Test]
    public void Started_from_a_folder_without_settings_the_API_reads_those_next_to_its_assembly()
    {
        var elsewhere = Directory.CreateTempSubdirectory("keyaccount-cwd-").FullName;
        try
        {
            Assert.That(KeyAccountApp.ContentRootFor([], elsewhere), Is.EqualTo(AppContext.BaseDirectory));
            Assert.That(File.Exists(Path.Combine(KeyAccountApp.ContentRootFor([], elsewhere)!, "appsettings.json")), Is.True);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public void A_folder_with_its_own_settings_or_an_explicit_content_root_is_left_to_the_host()
    {
        var project = Directory.CreateTempSubdirectory("keyaccount-cwd-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "appsettings.json"), "{}");
            Assert.That(KeyAccountApp.ContentRootFor([], project), Is.Null);
            Assert.That(KeyAccountApp.ContentRootFor(["--contentRoot", "/srv/keyaccount"], "/"), Is.Null);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
