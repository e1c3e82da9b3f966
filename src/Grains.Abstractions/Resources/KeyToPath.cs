namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes KeyToPath type.</summary>
public sealed class KeyToPath : ResourceModel
{
    public string? Key { get; set; }

    public string? Path { get; set; }

    public int? Mode { get; set; }
}
