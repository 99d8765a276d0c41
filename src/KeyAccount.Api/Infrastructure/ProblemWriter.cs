using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KeyAccount.Api.Infrastructure;

/// <summary>Writes RFC 9457 problem details with the trace id, the one error shape of the API.</summary>
internal static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = Create(context, status, title, detail, errors);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    public static ProblemDetails Create(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProblemDetails problem = errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Instance = context.Request.Path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }
}
