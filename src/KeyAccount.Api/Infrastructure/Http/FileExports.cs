using System.Globalization;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Common.Exports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// The HTTP side of every list export, written once: the <c>format</c> and <c>lang</c> parameters, the response
/// headers (media type, an attachment file name with a UTF-8 <c>filename*</c>, no caching) and the streaming of the
/// rows through the format's writer. Each list's endpoint only binds its filters and sends its export query.
/// </summary>
internal static class FileExports
{
    public const string CsvMediaType = "text/csv";

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string FormatDescription = "csv (default): UTF-8 with a byte-order mark, RFC 4180, cells starting with = + - @ tab or CR prefixed with ' (formula injection); xlsx: an Excel workbook with typed cells.";

    public const string LangDescription = "Language of the headers and enumerated values: zh-CN or en. Without it, Accept-Language decides (English when it prefers en, Chinese otherwise).";

    private static readonly string[] Formats = ["csv", "xlsx"];

    private static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>Declares the endpoint an export: its 200 is a file (CSV or xlsx, binary), and bad filters or too many rows are a 400.</summary>
    public static RouteHandlerBuilder Exports(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(ExportEndpoint.Instance).Produces<Stream>(StatusCodes.Status200OK, CsvMediaType, XlsxMediaType).ProducesValidationProblem();
    }

    /// <summary>The export's format and language from the query string (a 400 naming the parameter when unknown), Accept-Language as the fallback.</summary>
    public static (ExportFormat Format, ExportLanguage Language) Read(HttpContext http, string? format, string? lang)
    {
        ArgumentNullException.ThrowIfNull(http);
        var errors = new Dictionary<string, IReadOnlyList<FieldError>>();
        var chosenFormat = ExportFormat.Csv;
        if (format is not null)
        {
            if (format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            {
                chosenFormat = ExportFormat.Csv;
            }
            else if (format.Equals("xlsx", StringComparison.OrdinalIgnoreCase))
            {
                chosenFormat = ExportFormat.Xlsx;
            }
            else
            {
                errors["format"] = [new FieldError(FieldErrorCodes.InvalidValue, "format must be csv or xlsx.", new Dictionary<string, object?> { ["allowed"] = Formats })];
            }
        }

        var language = ExportLanguage.ZhCn;
        if (lang is not null)
        {
            if (lang.Equals("en", StringComparison.OrdinalIgnoreCase))
            {
                language = ExportLanguage.En;
            }
            else if (!lang.Equals("zh-CN", StringComparison.OrdinalIgnoreCase))
            {
                errors["lang"] = [new FieldError(FieldErrorCodes.InvalidValue, "lang must be zh-CN or en.", new Dictionary<string, object?> { ["allowed"] = Languages })];
            }
        }
        else if (PrefersEnglish(http.Request))
        {
            language = ExportLanguage.En;
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return (chosenFormat, language);
    }

    /// <summary>Whether the best-rated language of Accept-Language is English (Chinese is the default: most users read it).</summary>
    private static bool PrefersEnglish(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        var best = accepted.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return best is not null && best.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary>The file as the response: the writer of <paramref name="format"/> streams <paramref name="table"/> into it.</summary>
    public static IResult File(HttpContext http, ExportTable table, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(http);
        var writer = http.RequestServices.GetServices<IExportWriter>().Single(w => w.Format == format);
        var day = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return new ExportFileResult(table, writer, $"{table.Name}-{day}.{writer.Extension}");
    }

    private sealed class ExportFileResult(ExportTable table, IExportWriter writer, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = writer.ContentType;
            // RFC 6266: an ASCII fallback name and the exact name UTF-8 percent-encoded (RFC 5987) for clients that read it.
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.CacheControl = "no-store";
            // Rows go out as they are written, not collected by a buffering layer first.
            httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await writer.WriteAsync(table, response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}

/// <summary>Endpoint metadata: the endpoint answers with a file (added by <see cref="FileExports.Exports"/>; the OpenAPI document says so).</summary>
internal sealed class ExportEndpoint
{
    public static readonly ExportEndpoint Instance = new();
}
