namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LabelSelectorRequirement type.</summary>
public sealed class LabelSelectorRequirement : ResourceModel
{
    public string? Key { get; set; }

    public string? Operator { get; set; }

    public List<string>? Values { get; set; }
}
