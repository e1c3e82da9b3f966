namespace Actors.Grains.Store;

/// <summary>One row of the change history as the feed fans it out: the JSON stays text until a watcher takes it.</summary>
internal sealed record StoredChange(long Revision, string Kind, string Namespace, string Name, WatchEventType Type, string Json);
