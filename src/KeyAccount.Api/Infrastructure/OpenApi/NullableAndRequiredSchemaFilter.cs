using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Says of every property of the API's own object schemas whether it may be null and whether it is always there.
/// <list type="bullet">
/// <item><b>Null</b>: a property is <c>T | null</c> when its C# type is nullable and the server writes the null (it writes
/// every property, null included, except those marked <c>[JsonIgnore(WhenWritingNull)]</c>, which are left out instead:
/// optional, never null). A nullable reference to another schema is <c>oneOf: [{$ref}, {type: "null"}]</c>; a nullable
/// primitive is <c>type: [T, "null"]</c> (OpenAPI 3.1).</item>
/// <item><b>Required, in requests</b> (types reachable from a request body): C# <c>required</c> members, <c>[JsonRequired]</c>
/// ones and the deserialisation constructor's parameters without a default — what the server refuses a request without
/// (<c>RespectRequiredConstructorParameters</c>). Unknown properties are ignored by the server, so request schemas do not
/// claim <c>additionalProperties: false</c>.</item>
/// <item><b>Required, in responses</b>: every property the server writes always, nulls included.</item>
/// </list>
/// A type used both ways (an enum, <c>MoneyDto</c>, the SLA calendar) follows the request rules, which are true for its responses too.
/// </summary>
internal sealed class NullableAndRequiredSchemaFilter(IApiDescriptionGroupCollectionProvider apiDescriptions) : ISchemaFilter
{
    private readonly Lazy<HashSet<Type>> _requestTypes = new(() => RequestTypes(apiDescriptions));

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null || context.ParameterInfo is not null || !IsOurs(context.Type))
        {
            return;
        }

        var request = _requestTypes.Value.Contains(context.Type);
        var nullability = new NullabilityInfoContext();
        var constructorParameters = DeserializationConstructor(context.Type)?.GetParameters() ?? [];
        var required = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonName(member);
            if (!concrete.Properties.TryGetValue(name, out var property))
            {
                continue;
            }

            var omittedWhenNull = member.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;
            concrete.Properties[name] = WithNullability(property, !omittedWhenNull && IsNullable(member, nullability));
            var isRequired = request
                ? member.GetCustomAttribute<RequiredMemberAttribute>() is not null
                    || member.GetCustomAttribute<JsonRequiredAttribute>() is not null
                    || constructorParameters.Any(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase) && !p.HasDefaultValue)
                : !omittedWhenNull;
            if (isRequired)
            {
                required.Add(name);
            }
        }

        concrete.Required = required;
        if (request)
        {
            concrete.AdditionalPropertiesAllowed = true;
            concrete.AdditionalProperties = null;
        }
    }

    public static string JsonName(PropertyInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }

    private static IOpenApiSchema WithNullability(IOpenApiSchema property, bool nullable)
    {
        switch (property)
        {
            case OpenApiSchemaReference reference when nullable:
                return new OpenApiSchema
                {
                    Description = reference.Description,
                    OneOf = [new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument), new OpenApiSchema { Type = JsonSchemaType.Null }],
                };
            case OpenApiSchema { Type: { } type } inline:
                inline.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                return inline;
            default:
                return property;
        }
    }

    private static bool IsNullable(PropertyInfo member, NullabilityInfoContext nullability) =>
        member.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(member.PropertyType) is not null
            : nullability.Create(member).ReadState == NullabilityState.Nullable;

    private static ConstructorInfo? DeserializationConstructor(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        return constructors.FirstOrDefault(c => c.GetCustomAttribute<JsonConstructorAttribute>() is not null)
            ?? (constructors.Any(c => c.GetParameters().Length == 0) ? null : constructors.SingleOrDefault());
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("KeyAccount", StringComparison.Ordinal) == true;

    /// <summary>The API's types that clients send: request bodies and every type reachable from them through properties.</summary>
    private static HashSet<Type> RequestTypes(IApiDescriptionGroupCollectionProvider provider)
    {
        var roots = provider.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => p.Type)
                .Concat(d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Select(a => a.RequestType)))
            .OfType<Type>();
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
            {
                pending.Push(enumerable.GetGenericArguments()[0]);
                continue;
            }

            if (IsOurs(type) && found.Add(type))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    pending.Push(property.PropertyType);
                }
            }
        }

        return found;
    }
}
