namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Service object, its clusterIP and nodePorts, and its Endpoints.</summary>
public interface IServiceGrain : IResourceGrain
{
    /// <summary>A pod this service selects (or selected) changed: bring the Endpoints up to date soon.</summary>
    Task PodsChangedAsync();
}
