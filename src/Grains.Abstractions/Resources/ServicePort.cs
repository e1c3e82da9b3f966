namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ServicePort type.</summary>
public sealed class ServicePort : ResourceModel
{
    public string? Name { get; set; }

    public string? Protocol { get; set; }

    public string? AppProtocol { get; set; }

    public int? Port { get; set; }

    public IntOrString? TargetPort { get; set; }

    public int? NodePort { get; set; }
}
