namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes HttpHeader type.</summary>
public sealed class HttpHeader : ResourceModel
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
