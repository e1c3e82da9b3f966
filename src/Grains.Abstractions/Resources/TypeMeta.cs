namespace Actors.Grains.Abstractions.Resources;

/// <summary>Only apiVersion and kind: what a decoder reads first to learn which type a document is.</summary>
public sealed class TypeMeta : ResourceModel
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }
}
