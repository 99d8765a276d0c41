using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KeyAccount.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KeyAccount.Api.Tests;

/// <summary>
/// How responses leave the server: browser security headers on every response, compression, caching of the SPA's
/// files (on a host of its own serving a tiny SPA folder).
/// </summary>
[NonParallelizable]
public class DeliveryTests : ApiTestBase
{
    private const string AssetJs = "console.log('KeyAccount test asset');\n";

    private string _spaDir = null!;
    private WebApplicationFactory<Program> _spaHost = null!;

    [OneTimeSetUp]
    public void StartHosts()
    {
        // A tiny SPA build: index.html, one hashed asset with a Brotli copy beside it (as `npm run build` writes), a favicon.
        _spaDir = Directory.CreateTempSubdirectory("keyaccount-spa-").FullName;
        Directory.CreateDirectory(Path.Combine(_spaDir, "assets"));
        File.WriteAllText(Path.Combine(_spaDir, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"/assets/app-abc123.js\"></script></head><body><div id=\"root\"></div></body></html>");
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
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        await _spaHost.DisposeAsync();
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
}
