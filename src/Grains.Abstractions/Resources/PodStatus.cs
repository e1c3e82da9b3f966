namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodStatus type.</summary>
public sealed class PodStatus : ResourceModel
{
    public string? Phase { get; set; }

    public List<PodCondition>? Conditions { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public string? NominatedNodeName { get; set; }

    public string? HostIP { get; set; }

    public List<HostIP>? HostIPs { get; set; }

    public string? PodIP { get; set; }

    public List<PodIP>? PodIPs { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public List<ContainerStatus>? InitContainerStatuses { get; set; }

    public List<ContainerStatus>? ContainerStatuses { get; set; }

    public string? QosClass { get; set; }
}
