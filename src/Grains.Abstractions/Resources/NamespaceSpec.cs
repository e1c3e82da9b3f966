namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NamespaceSpec type.</summary>
public sealed class NamespaceSpec : ResourceModel
{
    public List<string>? Finalizers { get; set; }
}
