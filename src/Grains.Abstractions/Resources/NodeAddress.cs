namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeAddress type.</summary>
public sealed class NodeAddress : ResourceModel
{
    public string? Type { get; set; }

    public string? Address { get; set; }
}
