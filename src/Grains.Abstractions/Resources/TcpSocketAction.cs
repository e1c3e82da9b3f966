namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes TcpSocketAction type.</summary>
public sealed class TcpSocketAction : ResourceModel
{
    public IntOrString? Port { get; set; }

    public string? Host { get; set; }
}
