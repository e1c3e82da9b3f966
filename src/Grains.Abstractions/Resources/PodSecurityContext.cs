namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodSecurityContext type.</summary>
public sealed class PodSecurityContext : ResourceModel
{
    public long? RunAsUser { get; set; }

    public long? RunAsGroup { get; set; }

    public bool? RunAsNonRoot { get; set; }

    public List<long>? SupplementalGroups { get; set; }

    public long? FsGroup { get; set; }
}
