using KeyAccount.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

internal static class TypedIdSchemas
{
    /// <summary>Maps every typed id of the domain (and its nullable form) to <c>string/uuid</c>.</summary>
    public static void MapTypedIds(this SwaggerGenOptions options)
    {
        foreach (var type in typeof(ITypedId<>).Assembly.GetTypes().Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>))))
        {
            options.MapType(type, () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });
            options.MapType(typeof(Nullable<>).MakeGenericType(type), () => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uuid" });
        }
    }
}
