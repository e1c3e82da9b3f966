namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerStateWaiting type.</summary>
public sealed class ContainerStateWaiting : ResourceModel
{
    public string? Reason { get; set; }

    public string? Message { get; set; }
}
