namespace Actors.Grains.Abstractions.Objects;

/// <summary>The one grain (key <c>cluster</c>) that deletes Events older than the event TTL, on a durable reminder.</summary>
public interface IEventReaperGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the reminder is registered; returns how many expired events this pass deleted.</summary>
    Task<int> ReapAsync();
}
