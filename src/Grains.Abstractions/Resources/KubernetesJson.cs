using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The one JSON configuration every component uses for Kubernetes objects.</summary>
public static class KubernetesJson
{
    /// <summary>camelCase, nulls omitted, Kubernetes timestamps, source-generated metadata.</summary>
    public static JsonSerializerOptions Options => KubernetesJsonContext.Default.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    public static JsonObject SerializeToNode<T>(T value) =>
        JsonSerializer.SerializeToNode(value, TypeInfo<T>()) as JsonObject
        ?? throw new InvalidOperationException($"{typeof(T).Name} did not serialize to a JSON object");

    /// <summary>Reads a document; a type error (<c>labels: {app: true}</c>) throws <see cref="JsonException"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"the document is null, expected a {typeof(T).Name}");

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"the document is null, expected a {typeof(T).Name}");

    public static T Deserialize<T>(JsonNode node) =>
        node.Deserialize(TypeInfo<T>()) ?? throw new JsonException($"the document is null, expected a {typeof(T).Name}");

    public static T Deserialize<T>(JsonElement element) =>
        element.Deserialize(TypeInfo<T>()) ?? throw new JsonException($"the document is null, expected a {typeof(T).Name}");

    /// <summary>Reads a document into a runtime type (for example from <see cref="KindRegistry"/>).</summary>
    public static object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, Options.GetTypeInfo(type)) ?? throw new JsonException($"the document is null, expected a {type.Name}");

    /// <summary>A deep copy through JSON, so unknown fields are copied too.</summary>
    public static T Clone<T>(T value) => Deserialize<T>(SerializeToUtf8Bytes(value));

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
