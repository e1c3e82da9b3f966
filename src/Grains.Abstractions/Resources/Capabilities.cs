namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Capabilities type.</summary>
public sealed class Capabilities : ResourceModel
{
    public List<string>? Add { get; set; }

    public List<string>? Drop { get; set; }
}
