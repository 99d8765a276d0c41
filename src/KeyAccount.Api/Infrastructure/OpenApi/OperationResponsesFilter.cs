using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Every status code an operation can answer, decided from what the endpoint is, with one description per code:
/// 401/403/429 where it needs a signed-in user (403 when it needs a permission), 404 where its path names a resource,
/// 400 where it takes input, 413/415 where it takes a body, 400/412/428 where it requires If-Match, 409/422 for creates
/// (their Idempotency-Key), and 500/503 everywhere. Also its security requirement (none for anonymous operations).
/// </summary>
internal sealed class OperationResponsesFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["201"] = "Created. `Location` names the new resource.",
        ["204"] = "Done; no body.",
        ["400"] = "The request is invalid. `errors` names each failing field — body fields as JSON paths (`name`, `potentialAnnualRevenue.amount`, `rows[3].month`), query parameters and headers by name — each with a code and its figures.",
        ["401"] = "Not signed in, or the token expired (`token-expired`): sign in again.",
        ["403"] = "Your role (or your API client's scopes) does not grant this operation's permission.",
        ["404"] = "Not found, or not visible to you (an AccountManager sees only own and team accounts).",
        ["409"] = "Refused by a business rule or by the resource's current state; `code` names the rule and `args` its figures.",
        ["412"] = "The resource changed since the ETag you sent in If-Match: read it again and reapply your change.",
        ["413"] = "The body is larger than this operation accepts.",
        ["415"] = "The body's Content-Type is not one this operation takes.",
        ["422"] = "This Idempotency-Key was used before with a different request; use a new key for a new request.",
        ["428"] = "If-Match is missing: send the ETag of your last read of the resource.",
        ["429"] = "Too many requests: retry after `Retry-After` seconds.",
        ["500"] = "Unexpected error; only a trace id is returned (quote it when reporting the problem).",
        ["503"] = "The database cannot be reached; nothing was changed. Retry after `Retry-After` seconds.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var ifMatch = metadata.OfType<IfMatchRequired>().Any();
        var create = metadata.OfType<CreateEndpoint>().Any();
        var body = operation.RequestBody is not null;
        var responses = operation.Responses ??= [];

        void Add(int status)
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.ContainsKey(code))
            {
                responses[code] = new OpenApiResponse();
            }
        }

        operation.Security ??= [];
        if (anonymous)
        {
            // Explicitly open: no token is needed (an empty security list overrides any default).
            operation.Security.Clear();
        }
        else
        {
            var policy = metadata.OfType<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
            // Under /admin/ the user's token names the roles it needs (OpenAPI 3.1 allows role names for a bearer
            // scheme): an admin operation's requirement is its own, never the same as an ordinary endpoint's.
            List<string> roles = context.ApiDescription.RelativePath?.StartsWith("api/v1/admin/", StringComparison.Ordinal) == true && policy is not null
                ? [.. Enum.GetValues<KeyAccount.Domain.Users.Role>().Where(r => KeyAccount.Application.Common.Security.Permissions.Grants(r, policy)).Select(r => r.ToString())]
                : [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = roles });
            Add(401);
            if (policy is { } permission)
            {
                // Or an API client's token holding the permission as a scope.
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthSecurityScheme.Name, context.Document)] = [permission] });
                Add(403);
            }

            Add(429);
        }

        if (context.ApiDescription.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            Add(404);
        }

        if (body || ifMatch || create || operation.Parameters is { Count: > 0 })
        {
            Add(400);
        }

        if (body)
        {
            Add(413);
            Add(415);
        }

        if (ifMatch)
        {
            Add(412);
            Add(428);
        }

        if (create)
        {
            Add(409);
            Add(422);
        }

        Add(500);
        Add(503);

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (code, response) in ordered)
        {
            if (response is OpenApiResponse concrete)
            {
                concrete.Description = code switch
                {
                    "401" when anonymous => "Sign-in refused: the email or password is not correct, or the user is locked after repeated failures (`sign-in-failed`).",
                    "429" when anonymous => "Too many sign-in attempts from your address: retry after `Retry-After` seconds.",
                    _ when Descriptions.TryGetValue(code, out var text) => text,
                    _ => string.IsNullOrEmpty(concrete.Description) ? "OK" : concrete.Description,
                };
            }

            responses[code] = response;
        }
    }
}
