namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeAffinity type.</summary>
public sealed class NodeAffinity : ResourceModel
{
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    public List<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
