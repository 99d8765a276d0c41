using System.Reflection;
using System.Text.Json.Nodes;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Domain.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The codes of <see cref="Problem"/> and <see cref="FieldError"/> as enums, generated from code when the document is
/// made: <see cref="ProblemCodes"/>, <see cref="FieldErrorCodes"/> and every business rule's <see cref="RuleCodeAttribute"/>
/// in the domain. A client gets them as unions of string literals and can check its messages against them.
/// </summary>
internal sealed class ProblemSchemaFilter : ISchemaFilter
{
    /// <summary>Every business rule's code, from the domain assembly, in order.</summary>
    public static IReadOnlyList<string> RuleCodes { get; } =
        [.. typeof(RuleCodeAttribute).Assembly.GetTypes().Select(t => t.GetCustomAttribute<RuleCodeAttribute>()?.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A problem's <c>code</c>: a kind of problem, or the business rule a 409 is about.</summary>
    public static IReadOnlyList<string> ProblemCodeValues { get; } = [.. ProblemCodes.All.Concat(RuleCodes).Distinct()];

    /// <summary>
    /// A field error's <c>code</c>: a field rule, a business rule about the field, or the problem's own code when the whole
    /// problem is about one field (a registration number or email taken, an Idempotency-Key reused or in flight). Which
    /// problem codes carry a field is decided where they are raised, so all of them are listed.
    /// </summary>
    public static IReadOnlyList<string> FieldErrorCodeValues { get; } = [.. FieldErrorCodes.All.Concat(RuleCodes).Concat(ProblemCodes.All).Distinct()];

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.MemberInfo is not null)
        {
            return;
        }

        if (context.Type == typeof(Problem))
        {
            SetEnum(properties, "code", ProblemCodeValues);
            if (properties.TryGetValue("type", out var type) && type is OpenApiSchema typeSchema)
            {
                typeSchema.Format = "uri";
                typeSchema.Pattern = "^" + System.Text.RegularExpressions.Regex.Escape(ProblemWriter.TypeBase) + "[a-z0-9-]+$";
            }
        }
        else if (context.Type == typeof(FieldError))
        {
            SetEnum(properties, "code", FieldErrorCodeValues);
        }
    }

    private static void SetEnum(IDictionary<string, IOpenApiSchema> properties, string name, IReadOnlyList<string> values)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema code)
        {
            code.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
