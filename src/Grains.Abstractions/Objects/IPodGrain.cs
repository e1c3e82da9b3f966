namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Pod object.</summary>
public interface IPodGrain : IResourceGrain;
