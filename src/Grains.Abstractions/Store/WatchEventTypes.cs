namespace Actors.Grains.Abstractions.Store;

/// <summary>Maps <see cref="WatchEventType"/> to the stored and wire spelling (ADDED, MODIFIED, DELETED) and back.</summary>
public static class WatchEventTypes
{
    public static string ToWire(WatchEventType type) => type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown watch event type"),
    };

    public static WatchEventType FromWire(string value) => value switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        _ => throw new FormatException($"unknown change type '{value}' in the object store's history"),
    };
}
