namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes OwnerReference type.</summary>
public sealed class OwnerReference : ResourceModel
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
