using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KeyAccount.Application.Common.Errors;

namespace KeyAccount.Application.Common.Serialization;

/// <summary>
/// What every JSON body may hold, checked once where JSON becomes values (DESIGN §3): strings without U+0000, instants
/// with an explicit UTC offset stored as the same instant in UTC, dates and instants within a sane range. A refused
/// value is a 400 on the field, at the reader's path.
/// </summary>
public static class InputJsonConverters
{
    /// <summary>The earliest date or instant any field accepts.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    /// <summary>The latest date any field accepts (instants: before the day after).</summary>
    public static readonly DateOnly MaxDate = new(2199, 12, 31);

    public static readonly DateTimeOffset MinInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset MaxInstant = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Adds the converters to API JSON options (requests and responses).</summary>
    public static void AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new NoNulStringConverter());
        options.Converters.Add(new UtcInstantConverter());
        options.Converters.Add(new SaneDateConverter());
    }

    /// <summary>The range error of dates and instants, as one field error.</summary>
    public static JsonFieldException OutOfRange() => new(
        FieldErrorCodes.DateOutOfRange,
        $"Dates and times must fall between {MinDate:yyyy-MM-dd} and {MaxDate:yyyy-MM-dd}.",
        new Dictionary<string, object?> { ["min"] = MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["max"] = MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    /// <summary>Whether an instant from any source (a query string too) is in range.</summary>
    public static bool InRange(DateTimeOffset value) => value >= MinInstant && value < MaxInstant;

    public static bool InRange(DateOnly value) => value >= MinDate && value <= MaxDate;

    /// <summary>
    /// Enums travel by name (any letter case), one name per value: never a number, never a list ("Phone, Email"),
    /// which the framework's converter would take for a combination of flags.
    /// </summary>
    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter?)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert));
    }

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly string[] Names = Enum.GetNames<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw Invalid();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString());
        }

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WritePropertyName(value.ToString());
        }

        private static T Parse(string? text) =>
            text is not null && Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
                ? Enum.Parse<T>(Names[i])
                : throw Invalid();

        private static JsonFieldException Invalid() =>
            new(FieldErrorCodes.InvalidValue, $"Use one of: {string.Join(", ", Names)}.", new Dictionary<string, object?> { ["allowed"] = Names });
    }

    /// <summary>Strings: U+0000 is refused everywhere (PostgreSQL text cannot hold it, and no person types it).</summary>
    private sealed class NoNulStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonFieldException(FieldErrorCodes.WrongType, "Expected a string.", new Dictionary<string, object?> { ["expected"] = "string" });
            }

            var value = reader.GetString()!;
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new JsonFieldException(FieldErrorCodes.NulCharacter, "Text may not contain the character U+0000.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }

    /// <summary>
    /// Instants: ISO 8601 with an offset (<c>Z</c>, <c>+08:00</c>, …), read as the same instant in UTC; an instant
    /// without an offset is ambiguous and refused. Written in UTC with <c>Z</c>.
    /// </summary>
    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonFieldException(FieldErrorCodes.WrongType, "Expected a date and time as an ISO 8601 string.", new Dictionary<string, object?> { ["expected"] = "string" });
            }

            var text = reader.GetString()!;
            if (!reader.TryGetDateTimeOffset(out var value) || !HasOffset(text))
            {
                throw new JsonFieldException(
                    FieldErrorCodes.InvalidFormat,
                    "Expected an ISO 8601 date and time with its UTC offset, e.g. 2026-12-01T10:00:00+08:00 or 2026-12-01T02:00:00Z.",
                    new Dictionary<string, object?> { ["format"] = "date-time" });
            }

            return InRange(value) ? value.ToUniversalTime() : throw OutOfRange();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.UtcDateTime);
        }

        /// <summary>The text after the time of day carries <c>Z</c> or a signed offset.</summary>
        private static bool HasOffset(string text)
        {
            var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
            if (t < 0)
            {
                return false;
            }

            var time = text.AsSpan(t + 1);
            return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
        }
    }

    /// <summary>Dates: yyyy-MM-dd within the sane range.</summary>
    private sealed class SaneDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                throw new JsonFieldException(FieldErrorCodes.InvalidFormat, "Expected a date written yyyy-MM-dd.", new Dictionary<string, object?> { ["format"] = "date" });
            }

            return InRange(value) ? value : throw OutOfRange();
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
