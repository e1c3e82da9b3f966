namespace Actors.Grains.Abstractions.Resources;

/// <summary>The metrics.k8s.io PodMetrics object: each container's CPU and memory use over a recent window (<c>kubectl top pod</c>).</summary>
public sealed class PodMetrics : KubernetesObject
{
    public const string ApiVersionValue = "metrics.k8s.io/v1beta1";

    public const string KindValue = "PodMetrics";

    public PodMetrics()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    /// <summary>When the window ended.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The window's length as a Go duration (<c>1.002s</c>).</summary>
    public string? Window { get; set; }

    public List<ContainerMetrics>? Containers { get; set; }
}
