using System.Text.Json;
using System.Text.Json.Serialization;
using KeyAccount.Domain.Common;

namespace KeyAccount.Application.Common.Serialization;

/// <summary>Writes every typed id as its plain uuid string, and reads it back.</summary>
public sealed class TypedIdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsValueType && typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>));
    }

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(TypedIdConverter<>).MakeGenericType(typeToConvert));

    private sealed class TypedIdConverter<T> : JsonConverter<T>
        where T : struct, ITypedId<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value))
            {
                return T.From(value);
            }

            throw new JsonFieldException(
                reader.TokenType == JsonTokenType.Null ? Errors.FieldErrorCodes.Required : Errors.FieldErrorCodes.InvalidFormat,
                "Expected an id (a uuid string).",
                new Dictionary<string, object?> { ["format"] = "uuid" });
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.Value);
        }
    }
}
