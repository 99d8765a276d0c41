using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeyAccount.Api.Tests;

/// <summary>
/// How responses leave the server: browser security headers on every response, compression, caching of the SPA's
/// files (on a host of its own serving a tiny SPA folder), and one request log line per request.
/// </summary>
[NonParallelizable]
public class DeliveryTests : ApiTestBase
{
    private const string AssetJs = "console.log('KeyAccount test asset');\n";

    private const string SurveyHtml = "<!doctype html><html><head><meta name=\"robots\" content=\"noindex\"><script type=\"module\" src=\"/assets/survey-abc123.js\"></script></head><body><main id=\"survey\"></main></body></html>";

    /// <summary>43 base64url characters, as an invitation's token is (surveys contract).</summary>
    private const string SurveyToken = "q7Jd-0Xb_9LmZ2nR4sTuVwYa1cEfGhIkMoPq3rStUvW";

    private string _spaDir = null!;
    private WebApplicationFactory<Program> _spaHost = null!;
    private WebApplicationFactory<Program> _loggingHost = null!;
    private readonly CapturingLoggerProvider _logs = new();

    [OneTimeSetUp]
    public void StartHosts()
    {
        // A tiny SPA build: index.html, one hashed asset with a Brotli copy beside it (as `npm run build` writes), a favicon.
        _spaDir = Directory.CreateTempSubdirectory("keyaccount-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(_spaDir, "assets"));
        File.WriteAllText(Path.Combine(_spaDir, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"/assets/app-abc123.js\"></script></head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(_spaDir, "survey.html"), SurveyHtml);
        File.WriteAllText(Path.Combine(_spaDir, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        var js = string.Concat(Enumerable.Repeat(AssetJs, 200));
        File.WriteAllText(Path.Combine(_spaDir, "assets", "app-abc123.js"), js);
        using (var br = new BrotliStream(File.Create(Path.Combine(_spaDir, "assets", "app-abc123.js.br")), CompressionLevel.SmallestSize))
        {
            br.Write(Encoding.UTF8.GetBytes(js));
        }

        _spaHost = ApiFixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Jobs:Enabled", "false");
            web.UseSetting("KeyAccount:SpaPath", _spaDir);
        });

        // Production's log levels (appsettings.json), the request log captured.
        _loggingHost = ApiFixture.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Jobs:Enabled", "false");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
            }));
            web.ConfigureLogging(logging => logging.ClearProviders().AddProvider(_logs));
        });
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        await _spaHost.DisposeAsync();
        await _loggingHost.DisposeAsync();
        Directory.Delete(_spaDir, recursive: true);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
            : string.Empty;

        var csp = Header("Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Multiple(() =>
        {
            Assert.That(directives.GetValueOrDefault("default-src"), Is.EqualTo("default-src 'self'"), $"{what}: {csp}");
            Assert.That(directives.GetValueOrDefault("script-src"), Is.EqualTo("script-src 'self'"), $"{what}: no inline script: {csp}");
            Assert.That(directives.GetValueOrDefault("object-src"), Is.EqualTo("object-src 'none'"), $"{what}: {csp}");
            Assert.That(directives.GetValueOrDefault("base-uri"), Is.EqualTo("base-uri 'self'"), $"{what}: {csp}");
            Assert.That(directives.GetValueOrDefault("frame-ancestors"), Is.EqualTo("frame-ancestors 'none'"), $"{what}: {csp}");
            Assert.That(Header("X-Content-Type-Options"), Is.EqualTo("nosniff"), what);
            Assert.That(Header("Referrer-Policy"), Is.EqualTo("no-referrer"), what);
            Assert.That(Header("Cross-Origin-Opener-Policy"), Is.EqualTo("same-origin"), what);
            Assert.That(Header("Permissions-Policy"), Does.Contain("camera=()").And.Contain("geolocation=()").And.Contain("microphone=()"), what);
            Assert.That(response.Headers.Server, Is.Empty, $"{what}: no Server header");
        });
    }

    [Test]
    public async Task SecurityHeaders_OnApiResponsesAndProblems()
    {
        using var director = await As("director");
        using (var ok = await director.GetAsync("/api/v1/me"))
        {
            Assert.That((int)ok.StatusCode, Is.EqualTo(200));
            AssertSecurityHeaders(ok, "GET /api/v1/me");
            Assert.That(ok.Headers.CacheControl?.NoStore, Is.True, "an API answer is kept by no cache");
        }

        using (var notFound = await director.GetAsync("/api/v1/no-such-thing"))
        {
            await AssertProblem(notFound, 404);
            AssertSecurityHeaders(notFound, "404 problem");
        }

        using var anonymous = ApiFixture.Anonymous();
        using (var unauthorized = await anonymous.GetAsync("/api/v1/accounts"))
        {
            await AssertProblem(unauthorized, 401);
            AssertSecurityHeaders(unauthorized, "401 problem");
        }

        using (var swagger = await anonymous.GetAsync("/swagger/index.html"))
        {
            Assert.That((int)swagger.StatusCode, Is.EqualTo(200));
            AssertSecurityHeaders(swagger, "Swagger UI");
        }
    }

    [Test]
    public async Task JsonList_IsBrotliCompressed_WhenTheClientAcceptsIt()
    {
        await CreateAccountAsync("accountmanager", "DLV-1", "华东精密制造有限公司 compression");
        using var director = await As("director");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts?pageSize=50");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await director.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
        Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
        await using var body = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var json = await JsonNode.ParseAsync(body);
        Assert.That(json!["items"]!.AsArray().Select(a => a!["registrationNumber"]!.GetValue<string>()), Does.Contain("DLV-1"));
    }

    [Test]
    public async Task LoginResponse_IsNeitherStoredNorCompressed()
    {
        using var client = ApiFixture.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email = "director@test.local", password = ApiFixture.Password }),
        };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Content.Headers.ContentEncoding, Is.Empty, "a response with a token is not compressed (BREACH)");
        Assert.That((await Body(response))["accessToken"], Is.Not.Null);
        AssertSecurityHeaders(response, "login");
    }

    [Test]
    public async Task SpaIndex_HasTheHeadersAndIsRevalidated()
    {
        using var client = _spaHost.CreateClient();
        foreach (var path in new[] { "/", "/login", "/accounts/0190c2a4-0000-7000-8000-000000000001" })
        {
            using var response = await client.GetAsync(path);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True, $"{path}: {response.Headers.CacheControl}");
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.Null, path);
            AssertSecurityHeaders(response, path);
        }
    }

    [Test]
    public async Task SurveyPage_IsServedAtItsLink_UnindexedAndWithoutReferrer()
    {
        Assert.That(SurveyToken, Has.Length.EqualTo(43));
        using var client = _spaHost.CreateClient();
        foreach (var path in new[] { $"/s/{SurveyToken}", "/s/not-a-token" })
        {
            using var response = await client.GetAsync(path);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(SurveyHtml), $"{path}: the survey page, not the SPA's index.html");
            Assert.That(response.Headers.TryGetValues("X-Robots-Tag", out var robots) ? string.Join(", ", robots) : null, Is.EqualTo("noindex"), path);
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True, $"{path}: revalidated like the SPA's document");
            AssertSecurityHeaders(response, path);
        }

        // Nothing else under /s is a page: the SPA's fallback does not answer it with index.html.
        foreach (var path in new[] { "/s", "/s/", $"/s/{SurveyToken}/more" })
        {
            using var response = await client.GetAsync(path);
            Assert.That((int)response.StatusCode, Is.EqualTo(404), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("<div id=\"root\">"), path);
        }

        // The SPA's own pages may be indexed as before (they are behind a sign-in anyway).
        using var spa = await client.GetAsync("/login");
        Assert.That(spa.Headers.Contains("X-Robots-Tag"), Is.False);
    }

    [Test]
    public async Task HashedAsset_IsImmutable_AndSentAsItsBrotliCopy()
    {
        using var client = _spaHost.CreateClient();
        var original = await File.ReadAllBytesAsync(Path.Combine(_spaDir, "assets", "app-abc123.js"));
        var precompressed = await File.ReadAllBytesAsync(Path.Combine(_spaDir, "assets", "app-abc123.js.br"));

        using (var plain = await client.GetAsync("/assets/app-abc123.js"))
        {
            Assert.That((int)plain.StatusCode, Is.EqualTo(200));
            Assert.That(plain.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(plain.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
            Assert.That(await plain.Content.ReadAsByteArrayAsync(), Is.EqualTo(original));
            AssertSecurityHeaders(plain, "asset");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app-abc123.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var compressed = await client.SendAsync(request);
        var sent = await compressed.Content.ReadAsByteArrayAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)compressed.StatusCode, Is.EqualTo(200));
            Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
            Assert.That(compressed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(compressed.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(compressed.Headers.Vary, Does.Contain("Accept-Encoding"));
            Assert.That(sent, Is.EqualTo(precompressed), "the build's .br file, as it is");
        });

        using var direct = await client.GetAsync("/assets/app-abc123.js.br");
        Assert.That((int)direct.StatusCode, Is.EqualTo(404), "a precompressed copy is not addressable itself");
    }

    [Test]
    public async Task Request_WritesOneLogLine_WithTheRouteTemplateAndStatus_AndNothingOfTheBody()
    {
        const string secret = "Body-Marker-7f3a";
        var id = await CreateAccountAsync("accountmanager", "DLV-LOG");
        using var manager = await As("accountmanager");
        using var client = _loggingHost.CreateClient();
        client.DefaultRequestHeaders.Authorization = manager.DefaultRequestHeaders.Authorization;
        _ = await client.GetAsync("/health/ready"); // the host is up before we count
        _logs.Clear();

        using (var read = await client.GetAsync($"/api/v1/accounts/{id}?note={secret}"))
        {
            Assert.That((int)read.StatusCode, Is.EqualTo(200));
        }

        var lines = _logs.RequestLines();
        Assert.That(lines, Has.Count.EqualTo(1), string.Join("\n", lines.Select(l => l.Message)));
        var line = lines[0];
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Properties["Method"], Is.EqualTo("GET"));
            Assert.That(line.Properties["Route"], Is.EqualTo("/api/v1/accounts/{id:guid}"));
            Assert.That(line.Properties["StatusCode"], Is.EqualTo(200));
            Assert.That(line.Properties["ElapsedMs"], Is.TypeOf<double>());
            Assert.That(line.Properties["TraceId"]?.ToString(), Is.Not.Empty);
            Assert.That(line.Message, Does.Not.Contain(id).And.Not.Contain(secret).And.Not.Contain("Bearer"));
            Assert.That(_logs.Entries.Where(e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning),
                Is.Empty, "EF Core's command log stays at Warning in Production (appsettings.json)");
        });

        // A write: its body (with the marker) is nowhere in the log; a problem is one line too, with its status.
        _logs.Clear();
        using (var create = await client.PostAsJsonAsync("/api/v1/accounts", NewAccount(name: secret)))
        {
            Assert.That((int)create.StatusCode, Is.EqualTo(201));
        }

        using (var invalid = await client.PostAsJsonAsync("/api/v1/accounts", new { name = secret }))
        {
            Assert.That((int)invalid.StatusCode, Is.EqualTo(400));
        }

        lines = _logs.RequestLines();
        Assert.That(lines.Select(l => $"{l.Properties["Method"]} {l.Properties["Route"]} {l.Properties["StatusCode"]}"),
            Is.EqualTo(new[] { "POST /api/v1/accounts/ 201", "POST /api/v1/accounts/ 400" }));
        Assert.That(_logs.Entries.Select(e => e.Message), Has.None.Contains(secret));

        // Probes and files do not flood the log.
        _logs.Clear();
        _ = await client.GetAsync("/health/live");
        _ = await client.GetAsync("/health/ready");
        Assert.That(_logs.RequestLines(), Is.Empty);
    }

    /// <summary>Keeps every log entry with its structured properties.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public void Clear() => _entries.Clear();

        public List<Entry> RequestLines() =>
            [.. _entries.Where(e => e.Category == "KeyAccount.Api.RequestLog" && e.Level >= LogLevel.Information)];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        internal sealed record Entry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                    : [];
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), properties));
            }
        }
    }
}
