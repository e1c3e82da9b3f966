using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Serialization;

/// <summary>
/// Serializes grain call arguments, results and state as JSON (as Orleans' JSON storage serializer does).
/// Also the deep copy that keeps caller and callee isolated on local calls.
/// </summary>
public static class GrainSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Value tuples and plain field-holders are common grain results; without fields they would arrive empty.
            IncludeFields = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public static object? Deserialize(ReadOnlySpan<byte> json, Type type) => JsonSerializer.Deserialize(json, type, Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<T>(json, Options);

    public static object? DeepCopy(object? value, Type type) =>
        value is null || ImmutableTypes.IsImmutable(value.GetType()) ? value : Deserialize(Serialize(value, type), type);

    /// <summary>Writes call arguments as one JSON array, each element by its declared parameter type.</summary>
    public static byte[] SerializeArguments(object?[] arguments, Type[] parameterTypes)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < arguments.Length; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], parameterTypes[i], Options);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static object?[] DeserializeArguments(ReadOnlySpan<byte> json, Type[] parameterTypes)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Grain call arguments must be a JSON array.");
        }
        var arguments = new object?[parameterTypes.Length];
        for (var i = 0; i < parameterTypes.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"Expected {parameterTypes.Length} arguments, got {i}.");
            }
            arguments[i] = JsonSerializer.Deserialize(ref reader, parameterTypes[i], Options);
        }
        return arguments;
    }
}
