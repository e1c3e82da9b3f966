namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodSpec type.</summary>
public sealed class PodSpec : ResourceModel
{
    public List<Volume>? Volumes { get; set; }

    public List<Container>? InitContainers { get; set; }

    public List<Container>? Containers { get; set; }

    public string? RestartPolicy { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }

    public long? ActiveDeadlineSeconds { get; set; }

    public string? DnsPolicy { get; set; }

    public Dictionary<string, string>? NodeSelector { get; set; }

    public string? ServiceAccountName { get; set; }

    public string? ServiceAccount { get; set; }

    public bool? AutomountServiceAccountToken { get; set; }

    public string? NodeName { get; set; }

    public bool? HostNetwork { get; set; }

    public bool? HostPID { get; set; }

    public bool? HostIPC { get; set; }

    public PodSecurityContext? SecurityContext { get; set; }

    public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    public string? Hostname { get; set; }

    public string? Subdomain { get; set; }

    public Affinity? Affinity { get; set; }

    public string? SchedulerName { get; set; }

    public List<Toleration>? Tolerations { get; set; }

    public string? PriorityClassName { get; set; }

    public int? Priority { get; set; }

    public bool? EnableServiceLinks { get; set; }

    public string? PreemptionPolicy { get; set; }
}
