namespace Actors.Grains.Abstractions.Objects;

/// <summary>A container the runtime could not start, and why (the waiting reason Kubernetes shows: ErrImagePull, CreateContainerError, RunContainerError).</summary>
public sealed record PodStartFailure(string Container, string Reason, string Message);
