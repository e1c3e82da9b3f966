using System.Text;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Defaulting;

/// <summary>
/// Kubernetes' defaulting (KUBECTL-API.md 5.1) as pure functions: each returns a defaulted deep copy and leaves its
/// argument unchanged. Server-allocated values (clusterIP, nodePort, uid) are not defaults and are left to the store.
/// </summary>
public static class Defaulter
{
    public const string DefaultServiceAccount = "default";
    public const string DefaultScheduler = "default-scheduler";
    public const string TerminationMessagePath = "/dev/termination-log";
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>Defaults any served kind; kinds without defaults are returned as a copy.</summary>
    public static T Apply<T>(T obj)
        where T : KubernetesObject
    {
        KubernetesObject copy = obj switch
        {
            Pod pod => Default(pod),
            Deployment deployment => Default(deployment),
            ReplicaSet replicaSet => Default(replicaSet),
            Service service => Default(service),
            Namespace ns => Default(ns),
            Secret secret => Default(secret),
            _ => KubernetesJson.Clone(obj),
        };
        return (T)copy;
    }

    public static Pod Default(Pod pod)
    {
        var copy = KubernetesJson.Clone(pod);
        var spec = copy.Spec ??= new PodSpec();
        DefaultPodSpec(spec);
        spec.ServiceAccountName ??= spec.ServiceAccount ?? DefaultServiceAccount;
        spec.ServiceAccount ??= spec.ServiceAccountName;
        spec.EnableServiceLinks ??= true;
        spec.Priority ??= 0;
        return copy;
    }

    public static Deployment Default(Deployment deployment)
    {
        var copy = KubernetesJson.Clone(deployment);
        var spec = copy.Spec ??= new DeploymentSpec();
        spec.Replicas ??= 1;
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        var strategy = spec.Strategy ??= new DeploymentStrategy();
        if (string.IsNullOrEmpty(strategy.Type))
        {
            strategy.Type = "RollingUpdate";
        }

        if (strategy.Type == "RollingUpdate")
        {
            var rolling = strategy.RollingUpdate ??= new RollingUpdateDeployment();
            rolling.MaxUnavailable ??= new IntOrString("25%");
            rolling.MaxSurge ??= new IntOrString("25%");
        }

        DefaultTemplate(spec.Template);
        return copy;
    }

    public static ReplicaSet Default(ReplicaSet replicaSet)
    {
        var copy = KubernetesJson.Clone(replicaSet);
        var spec = copy.Spec ??= new ReplicaSetSpec();
        spec.Replicas ??= 1;
        DefaultTemplate(spec.Template);
        return copy;
    }

    public static Service Default(Service service)
    {
        var copy = KubernetesJson.Clone(service);
        var spec = copy.Spec ??= new ServiceSpec();
        if (string.IsNullOrEmpty(spec.Type))
        {
            spec.Type = "ClusterIP";
        }

        if (string.IsNullOrEmpty(spec.SessionAffinity))
        {
            spec.SessionAffinity = "None";
        }

        foreach (var port in spec.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }

            // Protobuf clients send 0 for an unset targetPort, JSON clients send nothing or "".
            if (port.TargetPort is null || port.TargetPort.Value == new IntOrString(0) || port.TargetPort.Value == new IntOrString(""))
            {
                port.TargetPort = new IntOrString(port.Port ?? 0);
            }
        }

        if (spec.Type != "ExternalName")
        {
            spec.InternalTrafficPolicy ??= "Cluster";
            if (spec.Type is "NodePort" or "LoadBalancer")
            {
                spec.ExternalTrafficPolicy ??= "Cluster";
            }

            if (spec.Type == "LoadBalancer")
            {
                spec.AllocateLoadBalancerNodePorts ??= true;
            }
        }

        copy.Status ??= new ServiceStatus();
        copy.Status.LoadBalancer ??= new LoadBalancerStatus();
        return copy;
    }

    public static Namespace Default(Namespace ns)
    {
        var copy = KubernetesJson.Clone(ns);
        var spec = copy.Spec ??= new NamespaceSpec();
        spec.Finalizers ??= ["kubernetes"];
        var status = copy.Status ??= new NamespaceStatus();
        if (string.IsNullOrEmpty(status.Phase))
        {
            status.Phase = "Active";
        }

        if (!string.IsNullOrEmpty(copy.Metadata?.Name))
        {
            var labels = copy.Meta.Labels ??= [];
            labels[NamespaceNameLabel] = copy.Meta.Name!;
        }

        return copy;
    }

    public static Secret Default(Secret secret)
    {
        var copy = KubernetesJson.Clone(secret);
        if (string.IsNullOrEmpty(copy.Type))
        {
            copy.Type = "Opaque";
        }

        if (copy.StringData is { } stringData)
        {
            var data = copy.Data ??= [];
            foreach (var (key, value) in stringData)
            {
                data[key] = Encoding.UTF8.GetBytes(value);
            }

            copy.StringData = null;
        }

        return copy;
    }

    /// <summary>The pull policy Kubernetes picks: Always for <c>:latest</c> or no tag, else IfNotPresent.</summary>
    public static string ImagePullPolicyFor(string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return "IfNotPresent";
        }

        if (image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        var tag = colon < 0 ? "latest" : lastSegment[(colon + 1)..];
        return tag == "latest" ? "Always" : "IfNotPresent";
    }

    private static void DefaultTemplate(PodTemplateSpec? template)
    {
        if (template is null)
        {
            return;
        }

        DefaultPodSpec(template.Spec ??= new PodSpec());
    }

    private static void DefaultPodSpec(PodSpec spec)
    {
        if (string.IsNullOrEmpty(spec.RestartPolicy))
        {
            spec.RestartPolicy = "Always";
        }

        spec.TerminationGracePeriodSeconds ??= 30;
        if (string.IsNullOrEmpty(spec.DnsPolicy))
        {
            spec.DnsPolicy = "ClusterFirst";
        }

        spec.SecurityContext ??= new PodSecurityContext();
        if (string.IsNullOrEmpty(spec.SchedulerName))
        {
            spec.SchedulerName = DefaultScheduler;
        }

        foreach (var container in (spec.InitContainers ?? []).Concat(spec.Containers ?? []))
        {
            DefaultContainer(container);
        }

        foreach (var volume in spec.Volumes ?? [])
        {
            if (volume.ConfigMap is { } configMap)
            {
                configMap.DefaultMode ??= 420;
            }

            if (volume.Secret is { } secret)
            {
                secret.DefaultMode ??= 420;
            }

            if (volume.HostPath is { } hostPath)
            {
                hostPath.Type ??= "";
            }
        }
    }

    private static void DefaultContainer(Container container)
    {
        if (string.IsNullOrEmpty(container.ImagePullPolicy))
        {
            container.ImagePullPolicy = ImagePullPolicyFor(container.Image);
        }

        if (string.IsNullOrEmpty(container.TerminationMessagePath))
        {
            container.TerminationMessagePath = TerminationMessagePath;
        }

        if (string.IsNullOrEmpty(container.TerminationMessagePolicy))
        {
            container.TerminationMessagePolicy = "File";
        }

        container.Resources ??= new ResourceRequirements();
        foreach (var port in container.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
        }

        foreach (var env in container.Env ?? [])
        {
            if (env.ValueFrom?.FieldRef is { } fieldRef && string.IsNullOrEmpty(fieldRef.ApiVersion))
            {
                fieldRef.ApiVersion = "v1";
            }
        }

        DefaultProbe(container.LivenessProbe);
        DefaultProbe(container.ReadinessProbe);
        DefaultProbe(container.StartupProbe);
    }

    private static void DefaultProbe(Probe? probe)
    {
        if (probe is null)
        {
            return;
        }

        probe.TimeoutSeconds ??= 1;
        probe.PeriodSeconds ??= 10;
        probe.SuccessThreshold ??= 1;
        probe.FailureThreshold ??= 3;
        if (probe.HttpGet is { } httpGet)
        {
            if (string.IsNullOrEmpty(httpGet.Path))
            {
                httpGet.Path = "/";
            }

            if (string.IsNullOrEmpty(httpGet.Scheme))
            {
                httpGet.Scheme = "HTTP";
            }
        }
    }
}
