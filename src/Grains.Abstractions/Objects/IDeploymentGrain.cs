namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Deployment object.</summary>
public interface IDeploymentGrain : IOwnerGrain;
