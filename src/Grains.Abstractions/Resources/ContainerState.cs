namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerState type.</summary>
public sealed class ContainerState : ResourceModel
{
    public ContainerStateWaiting? Waiting { get; set; }

    public ContainerStateRunning? Running { get; set; }

    public ContainerStateTerminated? Terminated { get; set; }
}
