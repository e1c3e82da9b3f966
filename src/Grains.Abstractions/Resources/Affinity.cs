namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Affinity type.</summary>
public sealed class Affinity : ResourceModel
{
    public NodeAffinity? NodeAffinity { get; set; }

    public PodAffinity? PodAffinity { get; set; }

    public PodAntiAffinity? PodAntiAffinity { get; set; }
}
