namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Secret object.</summary>
public interface ISecretGrain : IResourceGrain;
