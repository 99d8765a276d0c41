using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KeyAccount.Application.Common.Serialization;

/// <summary>
/// JSON of what leaves the system outside an HTTP answer (events in the outbox, webhook payloads): the API's own
/// conventions — camelCase, enums by name, typed ids as uuids, instants in UTC with <c>Z</c>.
/// </summary>
public static class PublicJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        InputJsonConverters.AddTo(options);
        options.Converters.Add(new TypedIdJsonConverterFactory());
        options.MakeReadOnly();
        return options;
    }
}
