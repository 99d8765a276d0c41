using Microsoft.OpenApi;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The OpenAPI document (3.1), one filter per concern, each in its own file beside this one:
/// <list type="bullet">
/// <item><see cref="WireFormatSchemaFilter"/>: typed ids are uuids, amounts are decimal strings.</item>
/// <item><see cref="NullableAndRequiredSchemaFilter"/>: what may be null is <c>T | null</c>; what is always there is required.</item>
/// <item><see cref="ProblemSchemaFilter"/>: the problem and field-error codes, generated from code.</item>
/// <item><see cref="OperationResponsesFilter"/>: security and every status code an operation can answer.</item>
/// <item><see cref="ProblemContentFilter"/>: every error answer is a <see cref="Problem"/>, with an example.</item>
/// <item><see cref="HttpHeadersFilter"/>: If-Match, Idempotency-Key, ETag, Location, Retry-After.</item>
/// <item><see cref="RequestBodyFilter"/>: bodies that are not JSON (the revenue CSV).</item>
/// <item><see cref="EventsDocumentFilter"/>: the event catalogue, as the document's webhooks.</item>
/// <item><see cref="DocumentShapeFilter"/>: servers, tags, unused schemas, and an example on every JSON body.</item>
/// </list>
/// </summary>
internal static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public const string DocumentName = "v1";

    /// <summary>The version served at /swagger/v1/swagger.json and exported by deploy/openapi.sh (its --openapiversion).</summary>
    public const OpenApiSpecVersion Version = OpenApiSpecVersion.OpenApi3_1;

    public static IServiceCollection AddKeyAccountOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "KeyAccount API",
                Version = DocumentName,
                Description = """
                    Key Account Management: accounts (the customer 360), tiering, development plans, satisfaction surveys and complaints.

                    **Authentication**: `POST /api/v1/auth/login` with `{ "email", "password" }` returns `accessToken`; send it as `Authorization: Bearer <token>`.

                    **Errors** are RFC 9457 problem details (`application/problem+json`, schema `Problem`): `type`, `title`, `status`, `detail`, `instance`, `traceId`, a stable `code` to translate on, `args` with its figures, and for 400 `errors` per field, each with its own `code`. English text is a fallback.

                    **Concurrency**: single resources carry an `ETag`; changes require `If-Match` with it (412 when stale, 428 when missing, 400 when weak or malformed).

                    **Creates** accept an `Idempotency-Key` header: a retry with the same key returns the first answer (with `Idempotent-Replayed: true`).

                    **Formats**: JSON in camelCase; enums are strings; timestamps are ISO 8601 and answered in UTC (`Z`), any offset is accepted in requests; money is `{ "amount": "1234.50", "currency": "CNY" }` with the amount as a decimal string; months are `yyyy-MM`. Unknown JSON properties in a request are ignored.

                    **Third-party systems** authenticate as API clients with OAuth 2.0 client credentials (`POST /api/v1/auth/token`, form-encoded; security scheme `OAuth2`): a client's token allows exactly its scopes, which are the permission strings the operations name.

                    **Rate limits**: requests per user, per API client (each client may have its own budget) and sign-ins and token requests per address; beyond them a 429 with `Retry-After` (seconds).
                    """,
            });
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Domain.Common.IDomainEvent).Assembly })
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
                Description = "The `accessToken` from `POST /api/v1/auth/login` (a JWT signed with HS256 — the only algorithm accepted, following RFC8725 — that expires; see `expiresAt`), sent as `Authorization: Bearer <accessToken>`. With `Auth__Authority` set, tokens of that OpenID Connect provider instead.",
            });
            options.AddSecurityDefinition(OAuthSecurityScheme.Name, OAuthSecurityScheme.Create());
            options.MapTypedIds();
            options.MapType<TimeOnly>(() => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A time of day on the 24-hour clock: HH:mm:ss in answers; HH:mm or HH:mm:ss in requests.",
                Pattern = WireFormatSchemaFilter.TimeOfDayPattern,
                MaxLength = 16,
                Examples = [System.Text.Json.Nodes.JsonValue.Create("08:30:00")],
            });
            options.SupportNonNullableReferenceTypes();
            options.SchemaFilter<WireFormatSchemaFilter>();
            options.SchemaFilter<NullableAndRequiredSchemaFilter>();
            options.SchemaFilter<ProblemSchemaFilter>();
            options.SchemaFilter<EventTypeNamesSchemaFilter>();
            options.SchemaFilter<ScopeNamesSchemaFilter>();
            options.OperationFilter<OperationResponsesFilter>();
            options.OperationFilter<ProblemContentFilter>();
            options.OperationFilter<OAuthTokenOperationFilter>();
            options.OperationFilter<HttpHeadersFilter>();
            options.OperationFilter<ExportOperationFilter>();
            options.OperationFilter<RequestBodyFilter>();
            options.DocumentFilter<EventsDocumentFilter>();
            options.DocumentFilter<DocumentShapeFilter>();
            options.CustomSchemaIds(t => t.Name.Replace("`1", string.Empty, StringComparison.Ordinal) + (t.IsGenericType ? "Of" + string.Join(string.Empty, t.GetGenericArguments().Select(a => a.Name)) : string.Empty));
        });
        return services;
    }

    /// <summary>Serves the document as OpenAPI <see cref="Version"/>.</summary>
    public static void UseKeyAccountOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSwagger(o => o.OpenApiVersion = Version);
    }
}
