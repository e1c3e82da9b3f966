namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Probe type.</summary>
public sealed class Probe : ResourceModel
{
    public ExecAction? Exec { get; set; }

    public HttpGetAction? HttpGet { get; set; }

    public TcpSocketAction? TcpSocket { get; set; }

    public int? InitialDelaySeconds { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? PeriodSeconds { get; set; }

    public int? SuccessThreshold { get; set; }

    public int? FailureThreshold { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }
}
