namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Service object.</summary>
public interface IServiceGrain : IResourceGrain;
