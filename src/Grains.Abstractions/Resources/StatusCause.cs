namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes StatusCause type.</summary>
public sealed class StatusCause : ResourceModel
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
