using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>Reads a JSON number as an int and a JSON string as a string, and writes them back the same way.</summary>
public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new IntOrString(reader.GetString()!);
            case JsonTokenType.Number when reader.TryGetInt32(out var value):
                return new IntOrString(value);
            case JsonTokenType.Number:
                throw new JsonException("an IntOrString number must be a 32-bit integer");
            default:
                throw new JsonException($"an IntOrString must be a number or a string, not {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IsInt)
        {
            writer.WriteNumberValue(value.IntValue);
        }
        else
        {
            writer.WriteStringValue(value.StringValue);
        }
    }
}
