namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodAffinityTerm type.</summary>
public sealed class PodAffinityTerm : ResourceModel
{
    public LabelSelector? LabelSelector { get; set; }

    public List<string>? Namespaces { get; set; }

    public string? TopologyKey { get; set; }

    public LabelSelector? NamespaceSelector { get; set; }
}
