namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ResourceRequirements type.</summary>
public sealed class ResourceRequirements : ResourceModel
{
    public Dictionary<string, Quantity>? Limits { get; set; }

    public Dictionary<string, Quantity>? Requests { get; set; }
}
