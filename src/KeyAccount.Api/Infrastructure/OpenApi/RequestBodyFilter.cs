using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// A request body that is not JSON (<c>text/csv</c>) is documented as what it is — a string — with the example the
/// endpoint declares (<see cref="RequestBodyExample"/>); the JSON alternative keeps its schema.
/// </summary>
internal sealed class RequestBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is not OpenApiRequestBody { Content: { } content })
        {
            return;
        }

        foreach (var declared in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestBodyExample>())
        {
            if (content.TryGetValue(declared.ContentType, out var media) && media is OpenApiMediaType text)
            {
                text.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = declared.MaxLength, Description = declared.Description };
                text.Example = System.Text.Json.Nodes.JsonValue.Create(declared.Example);
            }
        }
    }
}

/// <summary>Endpoint metadata: a non-JSON request body (its content type, what it holds, its size limit in characters, an example).</summary>
internal sealed record RequestBodyExample(string ContentType, string Description, int MaxLength, string Example);
