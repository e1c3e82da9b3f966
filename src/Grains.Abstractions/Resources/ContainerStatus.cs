namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerStatus type.</summary>
public sealed class ContainerStatus : ResourceModel
{
    public string? Name { get; set; }

    public ContainerState? State { get; set; }

    public ContainerState? LastState { get; set; }

    public bool? Ready { get; set; }

    public int? RestartCount { get; set; }

    public string? Image { get; set; }

    public string? ImageID { get; set; }

    public string? ContainerID { get; set; }

    public bool? Started { get; set; }
}
