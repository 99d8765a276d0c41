using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace KeyAccount.Api.Tests.Infrastructure;

/// <summary>
/// Checks every response an API test receives against the OpenAPI document the running app serves
/// (<c>/swagger/v1/swagger.json</c>, read once): the status code must be documented for the operation, a JSON or
/// problem+json body must validate against that response's schema (JSON Schema 2020-12, formats included), and the
/// convention headers (ETag, Location, Retry-After, Idempotent-Replayed) must be there when the document says they are
/// required, and documented when they are sent. Violations are collected for the whole run and reported by
/// <see cref="ApiFixture"/> after the last test.
/// </summary>
internal static partial class ContractValidator
{
    private const string DocumentUri = "https://keyaccount.test/openapi.json";

    private static readonly string[] ConventionHeaders = ["ETag", "Location", "Retry-After", "Idempotent-Replayed"];

    private static readonly SemaphoreSlim Loading = new(1, 1);

    private static readonly ConcurrentQueue<string> ViolationList = new();

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private static Contract? contract;

    private static int validated;

    private static int unmatched;

    /// <summary>Responses checked against an operation of the document.</summary>
    public static int Validated => validated;

    /// <summary>Responses to requests no operation describes (the SPA, health checks, the document itself).</summary>
    public static int Unmatched => unmatched;

    public static IReadOnlyCollection<string> Violations => ViolationList;

    /// <summary>For the test that proves the check can fail: the violations of one response, not recorded.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(HttpRequestMessage request, HttpResponseMessage response, bool record)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var document = await LoadAsync().ConfigureAwait(false);
        var method = request.Method == HttpMethod.Head ? "get" : request.Method.Method.ToLowerInvariant();
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var operation = document.Find(method, path);
        if (operation is null)
        {
            Interlocked.Increment(ref unmatched);
            return [];
        }

        var status = (int)response.StatusCode;
        var found = new List<string>();
        void Violation(string what) => found.Add($"{request.Method.Method} {path} → {status} ({operation.Template}): {what}");

        var responses = operation.Node["responses"]!.AsObject();
        if (responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject documented)
        {
            Violation($"status {status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})");
            return Record(found, record);
        }

        CheckHeaders(response, documented, Violation);
        await CheckBodyAsync(request, response, operation.Template, status, documented, Violation).ConfigureAwait(false);
        return Record(found, record);
    }

    /// <summary>The body as the client reads it: a compressed one (Content-Encoding br or gzip) is decompressed first.</summary>
    private static async Task<string> DecodedTextAsync(HttpResponseMessage response)
    {
        var encoding = response.Content.Headers.ContentEncoding.FirstOrDefault();
        if (encoding is null)
        {
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

        await using var raw = new MemoryStream(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        await using Stream decoded = encoding switch
        {
            "br" => new System.IO.Compression.BrotliStream(raw, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress),
            _ => raw,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    private static List<string> Record(List<string> found, bool record)
    {
        if (record)
        {
            Interlocked.Increment(ref validated);
            foreach (var violation in found)
            {
                ViolationList.Enqueue(violation);
            }
        }

        return found;
    }

    private static void CheckHeaders(HttpResponseMessage response, JsonObject documented, Action<string> violation)
    {
        var headers = documented["headers"] as JsonObject;
        foreach (var name in ConventionHeaders)
        {
            var sent = response.Headers.TryGetValues(name, out _) || response.Content.Headers.TryGetValues(name, out _);
            var declared = headers?[name] as JsonObject;
            if (sent && declared is null)
            {
                violation($"header {name} is sent but not documented");
            }
            else if (!sent && declared?["required"]?.GetValue<bool>() == true)
            {
                violation($"header {name} is documented as required but not sent");
            }
        }
    }

    private static async Task CheckBodyAsync(HttpRequestMessage request, HttpResponseMessage response, string template, int status, JsonObject documented, Action<string> violation)
    {
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        var text = await DecodedTextAsync(response).ConfigureAwait(false);
        var content = documented["content"] as JsonObject;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (text.Length == 0)
        {
            if (content is { Count: > 0 } && request.Method != HttpMethod.Head)
            {
                violation($"no body, but the document describes one ({string.Join(", ", content.Select(c => c.Key))})");
            }

            return;
        }

        if (mediaType is null || content?[mediaType] is not JsonObject media)
        {
            violation($"a body of type {mediaType ?? "(none)"} is not documented{(content is null ? string.Empty : $" (documented: {string.Join(", ", content.Select(c => c.Key))})")}");
            return;
        }

        if (!IsJson(mediaType) || media["schema"] is not JsonObject schemaNode)
        {
            return;
        }

        var key = $"{request.Method.Method} {template} {status} {mediaType}";
        var schema = Schemas.GetOrAdd(key, _ => Build(schemaNode));
        using var body = JsonDocument.Parse(text);
        var results = schema.Evaluate(body.RootElement, Evaluation);
        if (results.IsValid)
        {
            return;
        }

        Report(results, violation);
    }

    /// <summary>The errors of the failing branches only (a passing oneOf alternative's failing sibling is no violation).</summary>
    private static void Report(EvaluationResults node, Action<string> violation)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            violation($"body at '{node.InstanceLocation}' ({keyword} at {node.EvaluationPath}): {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Report(child, violation);
        }
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A response schema, its <c>#/components/...</c> references pointed at the registered document.</summary>
    private static JsonSchema Build(JsonObject schemaNode)
    {
        var text = schemaNode.ToJsonString().Replace("\"$ref\":\"#/", $"\"$ref\":\"{DocumentUri}#/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, contract!.BuildOptions, new Uri($"https://keyaccount.test/responses/{Guid.NewGuid():N}"));
    }

    private static async Task<Contract> LoadAsync()
    {
        if (contract is { } loaded)
        {
            return loaded;
        }

        await Loading.WaitAsync().ConfigureAwait(false);
        try
        {
            if (contract is null)
            {
                using var client = ApiFixture.Factory.CreateClient();
                var text = await client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)).ConfigureAwait(false);
                contract = new Contract(text);
            }

            return contract;
        }
        finally
        {
            Loading.Release();
        }
    }

    [GeneratedRegex("\\{[^}/]+\\}")]
    private static partial Regex PathParameter();

    private sealed record Operation(string Template, Regex Pattern, int Literals, JsonObject Node);

    private sealed class Contract
    {
        private readonly Dictionary<string, List<Operation>> _byMethod = new(StringComparer.Ordinal);

        public Contract(string text)
        {
            var document = JsonNode.Parse(text)!.AsObject();
            var registry = new SchemaRegistry();
            using var parsed = JsonDocument.Parse(text);
            registry.Register(new JsonElementBaseDocument(parsed.RootElement.Clone(), new Uri(DocumentUri)));
            // OpenAPI 3.1's dialect is JSON Schema 2020-12 plus annotations of its own ("example", "discriminator", "xml").
            BuildOptions = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                var pattern = new Regex("^" + PathParameter().Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$", RegexOptions.CultureInvariant);
                var literals = template.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'));
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (operation is JsonObject node && node["responses"] is JsonObject)
                    {
                        if (!_byMethod.TryGetValue(method, out var list))
                        {
                            _byMethod[method] = list = [];
                        }

                        list.Add(new Operation(template, pattern, literals, node));
                    }
                }
            }
        }

        public BuildOptions BuildOptions { get; }

        /// <summary>The operation a request goes to; a literal segment wins over a parameter (<c>/complaints/metrics</c> over <c>/complaints/{id}</c>).</summary>
        public Operation? Find(string method, string path) =>
            _byMethod.TryGetValue(method, out var operations)
                ? operations.Where(o => o.Pattern.IsMatch(path)).OrderByDescending(o => o.Literals).FirstOrDefault()
                : null;
    }
}

/// <summary>The handler every test client sends through: each response is checked by <see cref="ContractValidator"/>.</summary>
internal sealed class ContractValidatingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ContractValidator.CheckAsync(request, response, record: true).ConfigureAwait(false);
        return response;
    }
}
