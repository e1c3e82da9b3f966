namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeSelectorTerm type.</summary>
public sealed class NodeSelectorTerm : ResourceModel
{
    public List<NodeSelectorRequirement>? MatchExpressions { get; set; }

    public List<NodeSelectorRequirement>? MatchFields { get; set; }
}
