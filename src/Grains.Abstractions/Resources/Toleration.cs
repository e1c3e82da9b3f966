namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Toleration type.</summary>
public sealed class Toleration : ResourceModel
{
    public string? Key { get; set; }

    public string? Operator { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    public long? TolerationSeconds { get; set; }
}
