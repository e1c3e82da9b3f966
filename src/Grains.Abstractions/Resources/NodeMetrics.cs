namespace Actors.Grains.Abstractions.Resources;

/// <summary>The metrics.k8s.io NodeMetrics object: a node's CPU and memory use over a recent window (<c>kubectl top node</c>).</summary>
public sealed class NodeMetrics : KubernetesObject
{
    public const string ApiVersionValue = "metrics.k8s.io/v1beta1";

    public const string KindValue = "NodeMetrics";

    public NodeMetrics()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    /// <summary>When the window ended.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The window's length as a Go duration (<c>1.002s</c>).</summary>
    public string? Window { get; set; }

    /// <summary><c>cpu</c> in cores, <c>memory</c> (working set) in bytes.</summary>
    public Dictionary<string, Quantity>? Usage { get; set; }
}
