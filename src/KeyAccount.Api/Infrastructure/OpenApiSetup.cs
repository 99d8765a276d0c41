using System.Reflection;
using KeyAccount.Application.Common.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>The OpenAPI document: XML docs, bearer security, typed ids as uuids, decimals as strings, every response code.</summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddKeyAccountOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "KeyAccount API",
                Version = "v1",
                Description = """
                    Key Account Management: accounts (the customer 360), tiering, development plans, satisfaction surveys and complaints.

                    **Authentication**: `POST /api/v1/auth/login` with `{ "email", "password" }` returns `accessToken`; send it as `Authorization: Bearer <token>`.
                    **Errors** are RFC 9457 problem details (`type`, `title`, `status`, `detail`, `traceId`, and `errors` per field for 400).
                    **Concurrency**: single resources carry an `ETag`; updates require `If-Match` (412 when stale, 428 when missing).
                    **Money** is `{ "amount": "1234.50", "currency": "CNY" }`; amounts are decimal strings. Timestamps are ISO 8601 UTC; enums are strings.
                    """,
            });
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml, includeControllerXmlComments: true);
                }
            }

            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/v1/auth/login.",
            });
            options.OperationFilter<SecurityAndProblemsOperationFilter>();
            options.SchemaFilter<TypedIdAndDecimalSchemaFilter>();
            options.SchemaFilter<NullableReferencePropertiesSchemaFilter>();
            options.SchemaFilter<ResponsePropertiesRequiredSchemaFilter>();
            options.MapTypedIds();
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(t => t.Name.Replace("`1", string.Empty, StringComparison.Ordinal) + (t.IsGenericType ? "Of" + string.Join(string.Empty, t.GetGenericArguments().Select(a => a.Name)) : string.Empty));
        });
        return services;
    }

    /// <summary>Adds the security requirement and the 401/403/404/500 problems every protected operation can answer.</summary>
    private sealed class SecurityAndProblemsOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            operation.Responses ??= new OpenApiResponses();
            void Problem(string code, string description)
            {
                if (!operation.Responses.ContainsKey(code))
                {
                    operation.Responses[code] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                        },
                    };
                }
            }

            if (!anonymous)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                Problem("401", "Not signed in, or the token expired.");
                if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null))
                {
                    Problem("403", "Your role does not allow this operation.");
                }
            }

            if (context.ApiDescription.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
            {
                Problem("404", "Not found, or not visible to you.");
            }

            if (!anonymous)
            {
                Problem("429", "Too many requests; see Retry-After.");
            }

            Problem("500", "Unexpected error; only a trace id is returned.");

            // Updates that answer 428 require the version being changed.
            if (operation.Responses.ContainsKey("428"))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "The ETag of your last read of the resource (for contacts and the team: of the account), e.g. \"42\".",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = System.Text.Json.Nodes.JsonValue.Create("\"42\""),
                });
            }
        }
    }

    /// <summary>
    /// A nullable property whose type is a schema of its own (an enum, a DTO) is written as <c>$ref</c>, which cannot say
    /// "or null": it becomes <c>allOf: [$ref], nullable: true</c>, so generated clients type it <c>T | null</c>.
    /// </summary>
    private sealed class NullableReferencePropertiesSchemaFilter : ISchemaFilter
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties })
            {
                return;
            }

            foreach (var member in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
                if (properties.TryGetValue(name, out var property) && property is OpenApiSchemaReference reference
                    && (Nullable.GetUnderlyingType(member.PropertyType) is not null || Nullability.Create(member).ReadState == NullabilityState.Nullable))
                {
                    properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
                }
            }
        }
    }

    /// <summary>
    /// What the API sends always carries every property (null where nullable): response schemas list all their
    /// non-nullable properties as required, so generated clients need no undefined checks. Request schemas
    /// (…Input, …Request, …Command) keep their optional fields optional.
    /// </summary>
    private sealed class ResponsePropertiesRequiredSchemaFilter : ISchemaFilter
    {
        private static readonly string[] RequestSuffixes = ["Input", "Request", "Command"];

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties
                || RequestSuffixes.Any(s => context.Type.Name.EndsWith(s, StringComparison.Ordinal))
                || context.Type.Namespace?.StartsWith("KeyAccount", StringComparison.Ordinal) != true)
            {
                return;
            }

            concrete.Required ??= new HashSet<string>();
            foreach (var (name, property) in properties)
            {
                var nullable = property is OpenApiSchema { } p && ((p.Type & JsonSchemaType.Null) == JsonSchemaType.Null || p.Extensions?.ContainsKey("nullable") == true);
                var nullableFlag = property is OpenApiSchema { } q && q.GetType().GetProperty("Nullable")?.GetValue(q) is true;
                if (!nullable && !nullableFlag)
                {
                    concrete.Required.Add(name);
                }
            }
        }
    }

    /// <summary>Typed ids are uuid strings; amounts written by <see cref="DecimalStringJsonConverter"/> are decimal strings.</summary>
    private sealed class TypedIdAndDecimalSchemaFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete)
            {
                return;
            }

            if (context.MemberInfo is PropertyInfo { } property
                && (property.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()?.ConverterType == typeof(DecimalStringJsonConverter)
                    || property.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
                        .Any(p => p.Name == property.Name && p.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>()?.ConverterType == typeof(DecimalStringJsonConverter)) == true))
            {
                concrete.Type = JsonSchemaType.String;
                concrete.Format = "decimal";
                concrete.Pattern = "^-?[0-9]+(\\.[0-9]+)?$";
            }
        }
    }
}
