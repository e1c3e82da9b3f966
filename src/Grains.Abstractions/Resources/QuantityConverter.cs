using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>Reads a quantity from a JSON string or number (YAML <c>cpu: 1</c>) and writes the canonical string.</summary>
public sealed class QuantityConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            _ => throw new JsonException($"a quantity must be a string or a number, not {reader.TokenType}"),
        };
        if (!Quantity.TryParse(text, out var quantity, out var error))
        {
            throw new JsonException($"unable to parse quantity's suffix: \"{text}\": {error}");
        }

        return quantity;
    }

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override Quantity ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quantity.Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());
}
