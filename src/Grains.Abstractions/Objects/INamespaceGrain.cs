namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Namespace object.</summary>
public interface INamespaceGrain : IResourceGrain;
