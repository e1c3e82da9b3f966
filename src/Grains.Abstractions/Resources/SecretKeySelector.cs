namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes SecretKeySelector type.</summary>
public sealed class SecretKeySelector : ResourceModel
{
    public string? Name { get; set; }

    public string? Key { get; set; }

    public bool? Optional { get; set; }
}
