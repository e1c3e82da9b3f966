namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NamespaceStatus type.</summary>
public sealed class NamespaceStatus : ResourceModel
{
    public string? Phase { get; set; }

    public List<NamespaceCondition>? Conditions { get; set; }
}
