using System.Text.Json;
using KeyAccount.Api.Infrastructure;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Security;
using KeyAccount.Application.Revenue.Common;
using KeyAccount.Application.Revenue.ImportRevenueCsv;
using KeyAccount.Application.Revenue.UpsertRevenue;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KeyAccount.Api.Endpoints;

/// <summary>POST /api/v1/revenue/import: the ERP's bulk upsert, as JSON or CSV.</summary>
internal static class RevenueEndpoints
{
    /// <summary>10,000 rows of JSON are about 2.5 MB; allow some headroom and refuse anything larger with 413.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    /// <summary>The CSV example of the OpenAPI document.</summary>
    private const string CsvExample = """
        registrationNumber,month,revenue,grossProfit,orderCount,currency
        91310000MA1FL1234X,2026-09,1180000.00,295000.00,38,CNY
        91310000MA1FL1234X,2026-10,1250000.00,312500.00,42,CNY

        """;

    public static RouteGroupBuilder MapRevenue(this RouteGroupBuilder api)
    {
        api.MapPost("/revenue/import", Import).WithTags("Revenue").WithName("ImportRevenue").RequireAuthorization(Permissions.RevenueWrite)
            .Action("an upsert by account and month: sending it again gives the same result")
            .WithSummary("Upsert monthly revenue in bulk (JSON or CSV)")
            .WithDescription("""
                Inserts or replaces revenue by (account, month): up to 10,000 rows per call, identified by accountId or registrationNumber.
                Send `application/json` ({ "rows": [...] }) or `text/csv` with a header row naming the columns
                registrationNumber (or accountId), month (yyyy-MM), revenue, grossProfit, orderCount, currency.
                Every row is validated; when any fails, the 400 lists each failing row's fields (rows[i].field, or "line N.field" for CSV) and nothing is written.
                """)
            .Accepts<RevenueImportRequest>("application/json", "text/csv")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithMetadata(new RequestBodyExample(
                "text/csv",
                "RFC 4180 CSV in UTF-8: a header row naming the columns (any order, names without regard to case) — registrationNumber or accountId, month (yyyy-MM), revenue, grossProfit, orderCount, currency — then one row per account and month (at most 10,000). Decimals use '.'; quote fields that contain commas.",
                (int)MaxBodyBytes,
                CsvExample))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Ok<RevenueImportResult>> Import(HttpRequest request, IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var contentType = request.ContentType ?? string.Empty;
        UpsertRevenueCommand command;
        if (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            var (rows, lines) = RevenueCsvParser.Parse(text, UpsertRevenueHandler.MaxRows);
            command = new UpsertRevenueCommand(rows, "line {0}", lines);
        }
        else if (request.HasJsonContentType())
        {
            var body = await JsonSerializer.DeserializeAsync<RevenueImportRequest>(request.Body, json.Value.SerializerOptions, ct)
                ?? throw RequestValidationException.For("body", FieldErrorCodes.Required, "A body { \"rows\": [...] } is required.");
            RequestGuard.CheckBody(body);
            command = new UpsertRevenueCommand(body.Rows ?? []);
        }
        else
        {
            throw new BadHttpRequestException("Send application/json or text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }

        return TypedResults.Ok(await mediator.Send(command, ct));
    }
}
