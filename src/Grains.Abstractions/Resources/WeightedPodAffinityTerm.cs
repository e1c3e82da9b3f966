namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes WeightedPodAffinityTerm type.</summary>
public sealed class WeightedPodAffinityTerm : ResourceModel
{
    public int? Weight { get; set; }

    public PodAffinityTerm? PodAffinityTerm { get; set; }
}
