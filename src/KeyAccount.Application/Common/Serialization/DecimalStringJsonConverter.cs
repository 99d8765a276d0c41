using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeyAccount.Application.Common.Serialization;

/// <summary>Money amounts travel as decimal strings ("1234.50") so no client loses precision; numbers are accepted on input too.</summary>
public sealed class DecimalStringJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new JsonFieldException(Errors.FieldErrorCodes.InvalidFormat, "Expected a decimal amount such as \"1234.50\".", new Dictionary<string, object?> { ["format"] = "decimal" });
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("0.00##########", CultureInfo.InvariantCulture));
    }
}
