using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>
/// One change from the history. <paramref name="Object"/> is a fresh instance per watcher (callers may mutate it);
/// for <see cref="WatchEventType.Deleted"/> it is the last state with the deletion's revision as resourceVersion.
/// </summary>
public sealed record WatchEvent(WatchEventType Type, string Kind, JsonObject Object, long Revision)
{
    /// <summary>The Kubernetes spelling: ADDED, MODIFIED or DELETED.</summary>
    public string TypeName => WatchEventTypes.ToWire(Type);
}
