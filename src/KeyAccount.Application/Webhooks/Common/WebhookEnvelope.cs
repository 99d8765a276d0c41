using System.Text;
using System.Text.Json;
using KeyAccount.Application.Common.Serialization;

namespace KeyAccount.Application.Webhooks.Common;

/// <summary>
/// The body of every delivery (Standard Webhooks): <c>{"type", "version", "timestamp", "data"}</c>, with the event's
/// data as the outbox stored it and the instant in the public JSON's form. Written here once, for fanned-out events
/// and test sends alike.
/// </summary>
public static class WebhookEnvelope
{
    public static string Build(string type, int version, DateTimeOffset occurredOn, string dataJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteNumber("version", version);
            writer.WritePropertyName("timestamp");
            JsonSerializer.Serialize(writer, occurredOn, PublicJson.Options);
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson, skipInputValidation: false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
