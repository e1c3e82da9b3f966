namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeSpec type.</summary>
public sealed class NodeSpec : ResourceModel
{
    public string? PodCIDR { get; set; }

    public List<string>? PodCIDRs { get; set; }

    public string? ProviderID { get; set; }

    public bool? Unschedulable { get; set; }

    public List<Taint>? Taints { get; set; }
}
