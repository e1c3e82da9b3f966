namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PreferredSchedulingTerm type.</summary>
public sealed class PreferredSchedulingTerm : ResourceModel
{
    public int? Weight { get; set; }

    public NodeSelectorTerm? Preference { get; set; }
}
