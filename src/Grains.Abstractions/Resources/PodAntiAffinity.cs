namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodAntiAffinity type.</summary>
public sealed class PodAntiAffinity : ResourceModel
{
    public List<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    public List<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
