using System.Text.Json;
using KeyAccount.Domain.Common;
using Swashbuckle.AspNetCore.Swagger;

namespace KeyAccount.Api.Infrastructure;

/// <summary>An event an endpoint can subscribe to.</summary>
/// <param name="Name" example="complaint.filed">Its public name.</param>
/// <param name="Version" example="1">The version of its shape.</param>
/// <param name="Description" example="A complaint was filed, with its SLA targets.">What it means.</param>
/// <param name="Schema">The JSON schema of the delivery body {type, version, timestamp, data} (references resolved).</param>
public sealed record WebhookEventTypeDto(string Name, int Version, string? Description, JsonElement Schema);

/// <summary>
/// The catalogue served at <c>GET /api/v1/webhooks/event-types</c>, from the two homes of what it says: the events
/// declared in the domain (<see cref="PublicEvents"/>; their descriptions as the OpenAPI document shows them) and the
/// committed contract snapshots of their bodies (<c>contracts/events/</c>, embedded; a test keeps them equal to code).
/// </summary>
internal sealed class EventCatalogue(ISwaggerProvider swagger)
{
    private readonly Lazy<IReadOnlyList<WebhookEventTypeDto>> _types = new(() => Build(swagger));

    public IReadOnlyList<WebhookEventTypeDto> EventTypes => _types.Value;

    private static IReadOnlyList<WebhookEventTypeDto> Build(ISwaggerProvider swagger)
    {
        var document = swagger.GetSwagger("v1");
        var assembly = typeof(EventCatalogue).Assembly;
        return [.. PublicEvents.All.Select(e =>
        {
            var key = EventsDocumentFilter.Key(e.Declared);
            var description = document.Webhooks?.TryGetValue(key, out var item) == true
                ? item.Operations?.Values.FirstOrDefault()?.Description
                : null;
            using var stream = assembly.GetManifestResourceStream($"events/{e.Declared.Name}.v{e.Declared.Version}.json")
                ?? throw new InvalidOperationException($"No contract snapshot for {e.Declared.Name} v{e.Declared.Version}: run deploy/openapi.sh.");
            using var schema = JsonDocument.Parse(stream);
            return new WebhookEventTypeDto(e.Declared.Name, e.Declared.Version, description, schema.RootElement.Clone());
        })];
    }
}
