namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeSelectorRequirement type.</summary>
public sealed class NodeSelectorRequirement : ResourceModel
{
    public string? Key { get; set; }

    public string? Operator { get; set; }

    public List<string>? Values { get; set; }
}
