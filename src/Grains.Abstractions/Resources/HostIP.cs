namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes HostIP type.</summary>
public sealed class HostIP : ResourceModel
{
    public string? Ip { get; set; }
}
