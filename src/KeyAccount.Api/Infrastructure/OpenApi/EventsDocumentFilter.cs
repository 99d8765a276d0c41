using KeyAccount.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The event catalogue, generated from code into the document's <c>webhooks</c> (OpenAPI 3.1): one entry per event
/// type that declares its public name and version (<see cref="PublicEventAttribute"/>), with the Standard Webhooks body
/// <c>{ type, timestamp, data }</c> and the schema of <c>data</c> (the event's record, as the outbox writes it).
/// Its shapes are pinned by the committed snapshots in <c>contracts/events/</c>: a change of shape needs a new version.
/// </summary>
internal sealed class EventsDocumentFilter : IDocumentFilter
{
    public static IReadOnlyList<(Type Type, PublicEventAttribute Declared)> Events => PublicEvents.All;

    /// <summary>The key of an event in <c>webhooks</c>: its name, with <c>@vN</c> from version 2 on.</summary>
    public static string Key(PublicEventAttribute declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return declared.Version == 1 ? declared.Name : $"{declared.Name}@v{declared.Version}";
    }

    /// <summary>How a receiver knows a delivery is ours: the Standard Webhooks signature headers.</summary>
    public const string SignatureScheme = "WebhookSignature";

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        ArgumentNullException.ThrowIfNull(context);
        swaggerDoc.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        swaggerDoc.Components.SecuritySchemes[SignatureScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "webhook-signature",
            Description = "Standard Webhooks 1.0: `webhook-signature: v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">` with the endpoint's `whsec_…` secret; `webhook-id` stays the same across retries, `webhook-timestamp` is Unix seconds. Verify it (and the timestamp's age) before trusting a delivery.",
        };
        foreach (var (type, declared) in Events)
        {
            var data = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository);
            var envelope = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"A `{declared.Name}` event, version {declared.Version} (Standard Webhooks body).",
                Required = new HashSet<string> { "type", "version", "timestamp", "data" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The event's public name.", Enum = [System.Text.Json.Nodes.JsonValue.Create(declared.Name)] },
                    ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The version of the event's shape.", Enum = [System.Text.Json.Nodes.JsonValue.Create(declared.Version)] },
                    ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened (UTC)." },
                    ["data"] = data,
                },
            };
            var summary = data is OpenApiSchemaReference { Reference.Id: { } id } && context.SchemaRepository.Schemas.TryGetValue(id, out var target)
                ? target.Description
                : null;
            swaggerDoc.Webhooks[Key(declared)] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new OpenApiOperation
                    {
                        OperationId = "Event_" + declared.Name.Replace('.', '_') + "_v" + declared.Version,
                        Summary = $"{declared.Name} (v{declared.Version})",
                        Description = summary ?? $"Delivered to the webhook endpoints subscribed to `{declared.Name}`, signed per Standard Webhooks 1.0.",
                        Tags = new HashSet<OpenApiTagReference> { new("Events", swaggerDoc) },
                        Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignatureScheme, swaggerDoc)] = [] }],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = envelope } },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["2XX"] = new OpenApiResponse { Description = "Any 2xx acknowledges the delivery; anything else is retried." },
                        },
                    },
                },
            };
        }
    }
}
