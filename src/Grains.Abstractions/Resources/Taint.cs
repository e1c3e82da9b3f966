namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Taint type.</summary>
public sealed class Taint : ResourceModel
{
    public string? Key { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    public DateTimeOffset? TimeAdded { get; set; }
}
