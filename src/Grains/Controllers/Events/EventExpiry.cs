using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Events;

/// <summary>
/// Which Events have outlived the API server's event TTL (Kubernetes: --event-ttl, one hour): an event expires
/// that long after it was last seen (lastTimestamp, else eventTime, else its creation).
/// </summary>
public static class EventExpiry
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromHours(1);

    public static bool IsExpired(JsonObject evt, DateTimeOffset now, TimeSpan ttl) =>
        LastSeen(evt) is { } seen && now - seen >= ttl;

    public static DateTimeOffset? LastSeen(JsonObject evt)
    {
        foreach (var text in new[] { (string?)evt["lastTimestamp"], (string?)evt["eventTime"], (string?)evt["metadata"]?["creationTimestamp"] })
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
        }
        return null;
    }
}
