using System.Text.Json.Nodes;
using KeyAccount.Application.Common.Errors;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Every error answer (4xx and 5xx) is one schema, <see cref="Problem"/>, as <c>application/problem+json</c> — whoever
/// raises it (a handler, a validator, the framework, the rate limiter) — with an example per status code made of the
/// server's own codes, titles and texts.
/// </summary>
internal sealed class ProblemContentFilter : IOperationFilter
{
    private const string ExampleId = "0193f2a4-5b6c-7d8e-9f00-112233445566";

    private const string ExampleTraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository);
        var anonymous = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
        var instance = "/" + System.Text.RegularExpressions.Regex.Replace(context.ApiDescription.RelativePath ?? string.Empty, "\\{[^}]+\\}", ExampleId);
        foreach (var (code, response) in operation.Responses)
        {
            if (!int.TryParse(code, out var status) || status < 400 || response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemWriter.ContentType] = new() { Schema = problem, Example = Example(status, instance, anonymous, operation, context) },
            };
        }
    }

    private static JsonObject Example(int status, string instance, bool anonymous, OpenApiOperation operation, OperationFilterContext context)
    {
        var (code, detail) = status switch
        {
            400 => (ProblemCodes.Validation, "One or more fields are invalid."),
            401 when anonymous => (ProblemCodes.SignInFailed, "The email or password is not correct."),
            401 => (ProblemCodes.AuthenticationRequired, "Send a bearer token from POST /api/v1/auth/login in the Authorization header."),
            403 => (ProblemCodes.Forbidden, "Your role does not allow this."),
            404 => (ProblemCodes.NotFound, "There is nothing at this address."),
            409 => (ProblemCodes.Conflict, "The change conflicts with existing data."),
            412 => (ProblemCodes.StaleVersion, "The resource was changed by someone else since you read it. Reload it and apply your change again."),
            413 => (ProblemCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts."),
            415 => (ProblemCodes.UnsupportedMediaType, "This operation does not take a body of this Content-Type; see its request body in the API document."),
            422 => (ProblemCodes.IdempotencyKeyReused, "This Idempotency-Key was used with a different request; use a new key for a new request."),
            428 => (ProblemCodes.IfMatchRequired, "Send the ETag you read in an If-Match header, so a change made meanwhile by someone else is not overwritten."),
            429 => (ProblemCodes.RateLimited, "Slow down and retry after the time in the Retry-After header."),
            503 => (ProblemCodes.ServiceUnavailable, "The database cannot be reached right now; nothing was changed. Retry in a few seconds."),
            _ => (ProblemCodes.ServerError, "Something went wrong on our side. Quote the trace id when you report it."),
        };
        var example = new JsonObject
        {
            ["type"] = ProblemWriter.TypeBase + code,
            ["title"] = ProblemTitles.For(code, status),
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = instance,
            ["code"] = code,
            ["traceId"] = ExampleTraceId,
        };
        var errors = status switch
        {
            400 => FieldErrorExample(operation, context),
            422 => Errors(EndpointKinds.IdempotencyKeyHeader, ProblemCodes.IdempotencyKeyReused, detail, null),
            428 => Errors(IfMatch.Header, FieldErrorCodes.Required, detail, null),
            _ => null,
        };
        if (errors is not null)
        {
            example["errors"] = errors;
        }

        return example;
    }

    /// <summary>A 400 about the first required field of the body, else the If-Match header, else the first parameter.</summary>
    private static JsonObject FieldErrorExample(OpenApiOperation operation, OperationFilterContext context)
    {
        var bodySchema = operation.RequestBody?.Content?.Values.Select(m => m.Schema).FirstOrDefault();
        var bodyField = Resolve(bodySchema, context)?.Required?.FirstOrDefault();
        if (bodyField is not null)
        {
            return Errors(bodyField, FieldErrorCodes.Required, $"'{bodyField}' is required.", null);
        }

        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IfMatchRequired>().Any())
        {
            return Errors(IfMatch.Header, FieldErrorCodes.InvalidFormat, "Send the strong ETag as it was read (\"42\"); weak tags (W/\"42\") cannot guard a change.", new JsonObject { ["format"] = "\"<version>\"" });
        }

        if (bodySchema is not null)
        {
            return Errors("body", FieldErrorCodes.Required, "A JSON body is required.", null);
        }

        var parameter = operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Query)?.Name ?? EndpointKinds.IdempotencyKeyHeader;
        return Errors(parameter, FieldErrorCodes.InvalidFormat, $"Not a valid value for {parameter}.", null);
    }

    private static OpenApiSchema? Resolve(IOpenApiSchema? schema, OperationFilterContext context) => schema switch
    {
        OpenApiSchemaReference reference when reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var target) => target as OpenApiSchema,
        OpenApiSchema concrete => concrete,
        _ => null,
    };

    private static JsonObject Errors(string field, string code, string message, JsonObject? args)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (args is not null)
        {
            error["args"] = args;
        }

        return new JsonObject { [field] = new JsonArray(error) };
    }
}
