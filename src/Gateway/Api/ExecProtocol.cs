using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Api;

/// <summary>
/// The Kubernetes remote-command protocol over WebSocket (KUBECTL-API.md §13.5): binary messages whose first byte
/// is the channel; the process's end goes on the error channel as a Status.
/// </summary>
internal static class ExecProtocol
{
    public const byte Stdin = 0;
    public const byte Error = 3;
    public const byte Resize = 4;

    /// <summary>v5 only: the client's <c>[255, 0]</c> says its stdin has ended.</summary>
    public const byte Close = 255;

    public const string V5 = "v5.channel.k8s.io";
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>The newest version both sides speak (kubectl offers v5, the Python client v4); null when none.</summary>
    public static string? Choose(IEnumerable<string> offered)
    {
        var set = offered.Select(p => p.Trim()).ToHashSet(StringComparer.Ordinal);
        return set.Contains(V5) ? V5 : set.Contains(V4) ? V4 : null;
    }

    /// <summary>The error channel's Status for a process that ended, worded as the kubelet does.</summary>
    public static JsonObject EndStatus(StreamOutput end, IReadOnlyList<string> command)
    {
        if (end.ExitCode == 0)
        {
            return new JsonObject { ["metadata"] = new JsonObject(), ["status"] = "Success" };
        }
        if (end.ExitCode is { } code)
        {
            return new JsonObject
            {
                ["metadata"] = new JsonObject(),
                ["status"] = "Failure",
                ["message"] = $"command terminated with non-zero exit code: error executing command [{string.Join(" ", command)}], exit code {code}",
                ["reason"] = "NonZeroExitCode",
                ["details"] = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ExitCode", ["message"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture) }) },
            };
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = end.Error ?? "the command's exit code is unknown",
            ["reason"] = "InternalError",
            ["code"] = 500,
        };
    }

    /// <summary>A resize message's <c>{"Width":W,"Height":H}</c>; null when it is not one.</summary>
    public static (int Width, int Height)? ReadSize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject size && size["Width"]?.GetValue<int>() is int width && size["Height"]?.GetValue<int>() is int height
                && width is > 0 and <= ushort.MaxValue && height is > 0 and <= ushort.MaxValue
                ? (width, height)
                : null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
