using System.Reflection;
using KeyAccount.Application.Webhooks.Common;
using KeyAccount.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// What an endpoint may subscribe to is a closed list, the event catalogue (<see cref="PublicEvents"/>): the
/// document says so as the items' enum (in what is sent and what is read back), so clients see the names and a typo
/// is caught before it is sent.
/// </summary>
internal sealed class EventTypeNamesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Items: OpenApiSchema items }
            && context.MemberInfo is PropertyInfo { Name: nameof(WebhookEndpointInput.EventTypes) } property
            && (property.DeclaringType == typeof(WebhookEndpointInput) || property.DeclaringType == typeof(WebhookEndpointDto)))
        {
            items.Enum = [.. PublicEvents.Names.Order(StringComparer.Ordinal).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)!)];
        }
    }
}

/// <summary>
/// An API client's scopes are the permission strings of the role table, a closed list (<see cref="Application.Common.Security.Permissions.All"/>):
/// the document says so as the items' enum, in what is sent and what is read back.
/// </summary>
internal sealed class ScopeNamesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Items: OpenApiSchema items }
            && context.MemberInfo is PropertyInfo { Name: "Scopes" } property
            && property.DeclaringType?.Namespace?.StartsWith("KeyAccount.Application.ApiClients", StringComparison.Ordinal) == true)
        {
            items.Enum = [.. Application.Common.Security.Permissions.All.Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)!)];
        }
    }
}
