namespace Actors.Grains.Abstractions.Store;

/// <summary>The change types of the history, spelled as Kubernetes watch events spell them.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
