namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one ConfigMap object.</summary>
public interface IConfigMapGrain : IResourceGrain;
