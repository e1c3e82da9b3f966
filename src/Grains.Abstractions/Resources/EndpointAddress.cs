namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EndpointAddress type.</summary>
public sealed class EndpointAddress : ResourceModel
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }

    public string? NodeName { get; set; }

    public ObjectReference? TargetRef { get; set; }
}
