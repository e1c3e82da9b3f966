namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes StatusDetails type.</summary>
public sealed class StatusDetails : ResourceModel
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}
