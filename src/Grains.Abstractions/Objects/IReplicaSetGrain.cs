namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one ReplicaSet object.</summary>
public interface IReplicaSetGrain : IOwnerGrain;
