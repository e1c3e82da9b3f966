using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>metav1.MicroTime: RFC 3339 in UTC with microseconds (<c>2024-05-01T10:00:00.123456Z</c>).</summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a timestamp must be an RFC 3339 string, not {reader.TokenType}");
        }

        var text = reader.GetString()!;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            throw new JsonException($"invalid RFC 3339 timestamp \"{text}\"");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
