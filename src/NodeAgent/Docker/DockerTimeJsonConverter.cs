using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.NodeAgent.Docker;

/// <summary>Reads the engine's nanosecond timestamps; an empty or unreadable one becomes the year 1, as the engine means it.</summary>
internal sealed class DockerTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return default;
        }
        return DockerTime.TryParse(reader.GetString(), out var value) ? value : default;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("O"));
}
