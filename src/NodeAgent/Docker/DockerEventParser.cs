using System.Text.Json;

namespace Actors.NodeAgent.Docker;

/// <summary>Reads one line of the engine's event stream; a line that is not an event is skipped, not fatal.</summary>
internal static class DockerEventParser
{
    public static DockerEvent? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var type = String(root, "Type") ?? "";
            var action = String(root, "Action") ?? String(root, "status") ?? "";
            var actorId = "";
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("Actor", out var actor) && actor.ValueKind == JsonValueKind.Object)
            {
                actorId = String(actor, "ID") ?? "";
                if (actor.TryGetProperty("Attributes", out var attrs) && attrs.ValueKind == JsonValueKind.Object)
                {
                    foreach (var attribute in attrs.EnumerateObject())
                    {
                        if (attribute.Value.ValueKind == JsonValueKind.String)
                        {
                            attributes[attribute.Name] = attribute.Value.GetString()!;
                        }
                    }
                }
            }
            if (actorId.Length == 0)
            {
                actorId = String(root, "id") ?? "";
            }
            var time = DateTimeOffset.UnixEpoch;
            if (root.TryGetProperty("timeNano", out var nanos) && nanos.TryGetInt64(out var n))
            {
                time = DateTimeOffset.UnixEpoch.AddTicks(n / 100);
            }
            else if (root.TryGetProperty("time", out var seconds) && seconds.TryGetInt64(out var s))
            {
                time = DateTimeOffset.FromUnixTimeSeconds(s);
            }
            return new DockerEvent(type, action, actorId, attributes, time);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
