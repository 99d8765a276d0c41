using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// What concerns the document as a whole: the server it describes, a description per tag, no schema that nothing uses,
/// and an example on every JSON body that has none of its own, composed from its schema's property examples (so the
/// example always matches the schema, and a property's example is written once, in its XML doc).
/// </summary>
internal sealed class DocumentShapeFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "The customer 360: an account's profile (registration number, industry, region, segment, status, owner, strategic fit, potential revenue) and its team.",
        ["Auth"] = "Sign-in, and who the signed-in user is.",
        ["Complaints"] = "Complaint intake, the queue with its SLA clocks, one step per workflow transition, comments and the timeline, metrics, and the SLA policy.",
        ["Dashboard"] = "The portfolio at a glance (tier distribution, revenue shares, Pareto curve, value matrix) and the lists behind it: accounts at risk (by their stored health) and accounts overdue for contact.",
        ["Contacts"] = "An account's contacts: the decision chain, with buying roles, attitudes, reports-to and relationship levels.",
        ["Interactions"] = "Calls, meetings, visits, emails and events with an account's contacts: what proves the contact cadence.",
        ["Workspace"] = "A user's day (\"my day\"): next steps, reminders, accounts overdue for contact, open complaints, plan initiatives and survey follow-ups that are due or overdue, each as its own home decided it.",
        ["Reference data"] = "The managed lists an account is described with (industries, regions, segments): each entry a stable code with a Chinese and an English label, an order and an active flag; accounts and survey audiences store the codes.",
        ["Reminders"] = "The signed-in user's open reminders (overdue contact, birthdays, next steps), recorded by the daily reminder job.",
        ["Revenue"] = "Monthly revenue per account: the ERP's bulk upsert (JSON or CSV) and an account's months with trailing-twelve-month figures.",
        ["Events"] = "What KeyAccount tells other systems by webhook: each event's public name, version and data (the catalogue). A change of an event's shape comes with a new version.",
        ["Survey templates"] = "Satisfaction-survey templates: questions (NPS, rating, choices, text) in Chinese and English, drafts, published versions and their revisions.",
        ["Tiering"] = "Who is a key account and why: tier policies, simulations and runs, an account's tier history, pin and health.",
    };

    private static readonly JsonValue ExampleUuid = JsonValue.Create("0193f2a4-5b6c-7d8e-9f00-112233445566");

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        swaggerDoc.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The KeyAccount installation that serves this document (production, or a local run of deploy/run.sh): paths are relative to its address.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];

        // Operations of the paths and of the webhooks (the event catalogue) alike.
        var operations = (swaggerDoc.Paths ?? []).Values.Concat((swaggerDoc.Webhooks ?? new Dictionary<string, IOpenApiPathItem>()).Values)
            .SelectMany(p => p.Operations ?? []).Select(o => o.Value).ToList();
        var used = operations.SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));

        var schemas = swaggerDoc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var operation in operations)
        {
            var bodies = (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values.Select(m => (Media: m, Request: true))
                .Concat((operation.Responses ?? []).Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => (Media: c.Value, Request: false)));
            foreach (var (media, request) in bodies.Where(b => b.Media.Example is null && b.Media.Examples is not { Count: > 0 } && b.Media.Schema is not null))
            {
                media.Example = Example(media.Schema, schemas, request, depth: 0);
            }
        }

        RemoveUnused(operations, schemas);
    }

    /// <summary>
    /// An example of a schema: its own, else one composed from its parts (a reference's target, the first non-null
    /// alternative, one item, every property — in a request, an optional plain value only when it has an example of its
    /// own, so that a made-up id is not sent where none is needed).
    /// </summary>
    private static JsonNode? Example(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, bool request, int depth)
    {
        if (schema is null || depth > 12)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) ? Example(target, schemas, request, depth + 1) : null;
        }

        if (OwnExample(schema) is { } own)
        {
            return own.DeepClone();
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        var alternative = (schema.OneOf ?? schema.AnyOf ?? schema.AllOf)?.FirstOrDefault(s => s.Type != JsonSchemaType.Null);
        if (alternative is not null)
        {
            return Example(alternative, schemas, request, depth + 1);
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        switch (type)
        {
            case JsonSchemaType.Object:
                var example = new JsonObject();
                foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    var plain = property is OpenApiSchema { OneOf: null, AnyOf: null, AllOf: null, Items: null, Properties: null } && OwnExample(property) is null;
                    if (!request || schema.Required?.Contains(name) == true || !plain)
                    {
                        example[name] = Example(property, schemas, request, depth + 1);
                    }
                }

                return example;
            case JsonSchemaType.Array:
                return Example(schema.Items, schemas, request, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
            case JsonSchemaType.String:
                return schema.Format switch
                {
                    "uuid" => ExampleUuid.DeepClone(),
                    "date-time" => JsonValue.Create("2026-03-02T08:30:00Z"),
                    "date" => JsonValue.Create("2026-03-02"),
                    "decimal" => JsonValue.Create("1234.50"),
                    "binary" => null, // a file (an export's xlsx): no text stands for it
                    _ => JsonValue.Create("text"),
                };
            case JsonSchemaType.Integer:
                return JsonValue.Create(int.TryParse(schema.Minimum, out var min) ? Math.Max(min, 1) : 1);
            case JsonSchemaType.Number:
                return JsonValue.Create(1.5m);
            case JsonSchemaType.Boolean:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

#pragma warning disable CS0618 // Swashbuckle puts a property's XML <example> in Example (written as "example").
    private static JsonNode? OwnExample(IOpenApiSchema schema) => schema.Example ?? schema.Examples?.FirstOrDefault();
#pragma warning restore CS0618

    /// <summary>Drops the component schemas no operation reaches (the framework's problem shapes, replaced by <see cref="Problem"/>).</summary>
    private static void RemoveUnused(List<OpenApiOperation> operations, IDictionary<string, IOpenApiSchema> schemas)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        void Visit(IOpenApiSchema? schema)
        {
            switch (schema)
            {
                case null:
                    return;
                case OpenApiSchemaReference reference:
                    if (reference.Reference.Id is { } id && reached.Add(id) && schemas.TryGetValue(id, out var target))
                    {
                        Visit(target);
                    }

                    return;
            }

            foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties))
            {
                Visit(child);
            }
        }

        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema);
            }

            foreach (var media in (operation.RequestBody?.Content?.Values ?? []).Concat((operation.Responses ?? []).Values.SelectMany(r => r.Content?.Values ?? [])))
            {
                Visit(media.Schema);
            }
        }

        foreach (var name in schemas.Keys.Where(k => !reached.Contains(k)).ToList())
        {
            schemas.Remove(name);
        }
    }
}
