namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LabelSelector type.</summary>
public sealed class LabelSelector : ResourceModel
{
    public Dictionary<string, string>? MatchLabels { get; set; }

    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
