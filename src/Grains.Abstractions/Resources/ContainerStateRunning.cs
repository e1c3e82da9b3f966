namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerStateRunning type.</summary>
public sealed class ContainerStateRunning : ResourceModel
{
    public DateTimeOffset? StartedAt { get; set; }
}
