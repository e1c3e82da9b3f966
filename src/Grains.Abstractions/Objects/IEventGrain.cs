namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Event object.</summary>
public interface IEventGrain : IResourceGrain;
