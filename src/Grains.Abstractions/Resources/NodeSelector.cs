namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeSelector type.</summary>
public sealed class NodeSelector : ResourceModel
{
    public List<NodeSelectorTerm>? NodeSelectorTerms { get; set; }
}
