using System.Text.Json;

namespace Actors.NodeAgent.Docker;

/// <summary>Serializer settings for the engine, which speaks PascalCase and sometimes null for empty collections.</summary>
internal static class DockerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        Converters = { new DockerTimeJsonConverter() },
    };
}
