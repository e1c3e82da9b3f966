namespace Actors.Grains.Abstractions.Resources;

/// <summary>One container's use in a <see cref="PodMetrics"/>.</summary>
public sealed class ContainerMetrics : ResourceModel
{
    public string? Name { get; set; }

    /// <summary><c>cpu</c> in cores, <c>memory</c> (working set) in bytes.</summary>
    public Dictionary<string, Quantity>? Usage { get; set; }
}
