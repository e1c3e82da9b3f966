namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Endpoints object.</summary>
public interface IEndpointsGrain : IResourceGrain;
