using System.Reflection;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Values whose JSON is not what their CLR type suggests: amounts written by <see cref="DecimalStringJsonConverter"/> are
/// decimal strings (typed ids are mapped to uuid strings by <see cref="TypedIdSchemas.MapTypedIds"/>); the items of a list
/// of strings declared with <see cref="Application.Common.Models.ItemMaxLengthAttribute"/> carry their maxLength.
/// </summary>
internal sealed class WireFormatSchemaFilter : ISchemaFilter
{
    public const string DecimalPattern = "^-?[0-9]+(\\.[0-9]+)?$";

    /// <summary>A <see cref="TimeOnly"/> as System.Text.Json writes it (HH:mm:ss) and also reads it (HH:mm).</summary>
    public const string TimeOfDayPattern = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,7})?)?$";

    /// <summary>
    /// The longest text of a value of each format (a uuid, a yyyy-MM-dd date, an ISO 8601 instant with 7 decimals and an
    /// offset, a decimal amount): what the server reads or writes in that format is never longer.
    /// </summary>
    private static readonly Dictionary<string, int> FormatLengths = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36,
        ["date"] = 10,
        ["date-time"] = 35,
        ["decimal"] = 40,
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (context.MemberInfo is PropertyInfo property && IsDecimalString(property))
        {
            AsDecimalString(concrete, property);
        }

        if (context.MemberInfo is PropertyInfo listProperty && listProperty.GetCustomAttribute<Application.Common.Models.ItemMaxLengthAttribute>() is { } itemLength
            && concrete.Items is OpenApiSchema items)
        {
            items.MaxLength = itemLength.Length;
        }

        if (concrete.MaxLength is null && concrete.Format is { } format && FormatLengths.TryGetValue(format, out var length))
        {
            concrete.MaxLength = length;
        }
    }

    private static void AsDecimalString(OpenApiSchema concrete, PropertyInfo property)
    {

        var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null;
        concrete.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        concrete.Format = "decimal";
        concrete.Pattern = DecimalPattern;
#pragma warning disable CS0618 // Swashbuckle puts a property's XML <example> in Example (written as "example").
        if (concrete.Example is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            concrete.Example = System.Text.Json.Nodes.JsonValue.Create(value.ToJsonString());
        }
#pragma warning restore CS0618
    }

    /// <summary>The converter is declared on the property, or (positional records) on the constructor parameter of the same name.</summary>
    private static bool IsDecimalString(PropertyInfo property) =>
        property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(DecimalStringJsonConverter)
        || property.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
            .Any(p => p.Name == property.Name && p.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(DecimalStringJsonConverter)) == true;
}
