namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EventSource type.</summary>
public sealed class EventSource : ResourceModel
{
    public string? Component { get; set; }

    public string? Host { get; set; }
}
