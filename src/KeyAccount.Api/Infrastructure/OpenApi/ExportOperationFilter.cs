using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// What an export (<see cref="FileExports.Exports"/>) is in the document: <c>format</c> and <c>lang</c> as the enums they
/// are, the 200 as a file with its <c>Content-Disposition</c>, and a CSV example showing the quoting and a neutralised
/// formula.
/// </summary>
internal sealed class ExportOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ExportEndpoint>().Any())
        {
            return;
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            string[]? values = parameter.Name switch
            {
                "format" => ["csv", "xlsx"],
                "lang" => ["zh-CN", "en"],
                _ => null,
            };
            if (values is not null)
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
                parameter.Example = JsonValue.Create(values[0]);
            }
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse file)
        {
            file.Description = "The file, streamed. CSV: UTF-8 with a byte-order mark, a header row, CRLF line ends, text cells quoted, cells starting with = + - @ tab or CR prefixed with '. xlsx: one worksheet with a bold, frozen header row and typed cells (numbers, dates).";
            file.Headers ??= new Dictionary<string, IOpenApiHeader>();
            file.Headers["Content-Disposition"] = new OpenApiHeader
            {
                Description = "`attachment` with the file name: the list, the UTC day and the extension (`accounts-20261202.csv`), also as a UTF-8 `filename*` (RFC 6266, RFC 5987).",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("attachment; filename=accounts-20261202.csv; filename*=UTF-8''accounts-20261202.csv"),
            };
            if (file.Content?.TryGetValue(FileExports.CsvMediaType, out var csv) == true)
            {
                csv.Example = JsonValue.Create("\"客户名称\",\"行业\",\"战略匹配度\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"Manufacturing, heavy\",4\r\n");
            }
        }
    }
}
