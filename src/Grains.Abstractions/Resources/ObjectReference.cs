namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ObjectReference type.</summary>
public sealed class ObjectReference : ResourceModel
{
    public string? Kind { get; set; }

    public string? Namespace { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }

    public string? ApiVersion { get; set; }

    public string? ResourceVersion { get; set; }

    public string? FieldPath { get; set; }
}
