using System.Text.Json.Nodes;
using KeyAccount.Infrastructure.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The headers of the API's HTTP conventions, from what each endpoint declares:
/// <list type="bullet">
/// <item>an <see cref="IfMatch"/> parameter (<see cref="IfMatchRequired"/>): the required <c>If-Match</c> request header;</item>
/// <item><see cref="EndpointKinds.Creates"/> (<see cref="CreateEndpoint"/>): the optional <c>Idempotency-Key</c> request
/// header, and <c>Idempotent-Replayed</c> on the answers a replay repeats;</item>
/// <item><see cref="ETags.SendsETag"/> (<see cref="ETagResponse"/>): <c>ETag</c> on successful answers;</item>
/// <item><c>Location</c> on every 201 (and on a 202 that names where to follow the work), <c>Retry-After</c> on every 429 and 503 (and on a 409 that is only temporary).</item>
/// </list>
/// </summary>
internal sealed class HttpHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var ifMatch = metadata.OfType<IfMatchRequired>().Any();
        var create = metadata.OfType<CreateEndpoint>().Any();
        var etag = metadata.OfType<ETagResponse>().Any();

        operation.Parameters ??= [];
        if (ifMatch)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IfMatch.Header,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The `ETag` of your last read of the resource being changed (contacts, the team and the tier pin are part of their account: send the account's ETag), e.g. `\"42\"`. Compared strongly: a weak tag (`W/\"42\"`) or anything else that is not an ETag of this API is a 400; a stale one a 412; none a 428.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = ETags.Pattern, MaxLength = ETags.MaxLength },
                Example = JsonValue.Create(ETags.Format(42)),
            });
        }

        if (create)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = EndpointKinds.IdempotencyKeyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = $"Any unique string of 1 to {IdempotencyStore.MaxKeyLength} printable characters (a UUID is a good choice) that makes the create safe to retry: the same key with the same request returns the first answer (with `Idempotent-Replayed: true`) instead of creating again; with another request it is a 422; while the first is still running, a 409. Keys are kept per user and operation.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyStore.MaxKeyLength },
                Example = JsonValue.Create("5f0c8a52-7d3e-4a4b-9a57-2c1d7e0b9f3a"),
            });
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete || !int.TryParse(code, out var status))
            {
                continue;
            }

            if (status is >= 200 and < 300)
            {
                if (etag)
                {
                    Header(concrete, "ETag", true, "The resource's version; send it back as `If-Match` to change the resource.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Pattern = ETags.Pattern, MaxLength = ETags.MaxLength }, JsonValue.Create(ETags.Format(42)));
                }

                if (status == StatusCodes.Status201Created)
                {
                    Header(concrete, "Location", true, "The path of the created resource.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 200 }, JsonValue.Create("/api/v1/accounts/0193f2a4-5b6c-7d8e-9f00-112233445566"));
                }

                if (status == StatusCodes.Status202Accepted)
                {
                    Header(concrete, "Location", false, "Where to follow the accepted work (a job run: poll it for its outcome), when there is such a resource.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 300 }, JsonValue.Create("/api/v1/admin/jobs/account-health/runs/0193f2a4-5b6c-7d8e-9f00-112233445566"));
                }

                if (create)
                {
                    Header(concrete, "Idempotent-Replayed", false, "`true` when this is the stored answer to an earlier request with the same Idempotency-Key (nothing was created again); absent otherwise.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] }, JsonValue.Create("true"));
                }
            }
            else if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
            {
                Header(concrete, "Retry-After", true, "Seconds to wait before retrying.", RetryAfterSchema(), JsonValue.Create(5));
            }
            else if (status == StatusCodes.Status409Conflict)
            {
                Header(concrete, "Retry-After", false, "Seconds to wait before retrying, when the conflict is only temporary (`idempotency-key-in-flight`, `tiering-run-in-progress`); absent otherwise.", RetryAfterSchema(), JsonValue.Create(1));
            }
        }
    }

    private static OpenApiSchema RetryAfterSchema() => new() { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "3600" };

    private static void Header(OpenApiResponse response, string name, bool required, string description, OpenApiSchema schema, JsonNode example)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Required = required, Schema = schema, Example = example };
    }
}
