namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ListMeta type.</summary>
public sealed class ListMeta : ResourceModel
{
    public string? SelfLink { get; set; }

    public string? ResourceVersion { get; set; }

    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}
