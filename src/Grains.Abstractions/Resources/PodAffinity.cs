namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodAffinity type.</summary>
public sealed class PodAffinity : ResourceModel
{
    public List<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    public List<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
