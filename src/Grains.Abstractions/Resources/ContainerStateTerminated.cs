namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerStateTerminated type.</summary>
public sealed class ContainerStateTerminated : ResourceModel
{
    public int? ExitCode { get; set; }

    public int? Signal { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? ContainerID { get; set; }
}
