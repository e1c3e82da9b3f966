namespace Actors.Grains.Abstractions.Objects;

/// <summary>Kubernetes DeleteOptions as far as a grain needs them.</summary>
public sealed record DeleteRequest(
    PropagationPolicy Propagation = PropagationPolicy.Background,
    long? GracePeriodSeconds = null,
    string? PreconditionResourceVersion = null,
    string? PreconditionUid = null);

public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}
