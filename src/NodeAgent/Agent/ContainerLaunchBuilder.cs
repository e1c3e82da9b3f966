using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;
using HostMount = Actors.NodeAgent.Runtime.VolumeMount;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Turns a spec container into what the runtime starts: environment (literal, ConfigMap / Secret keys, the
/// pod's own fields, envFrom), <c>$(VAR)</c> references in env values, command and args, volume mounts as host
/// paths, limits. A reference that cannot be resolved is a
/// CreateContainerConfigError message, as the kubelet reports it, instead of a half-configured container.
/// </summary>
public static class ContainerLaunchBuilder
{
    public static (ContainerLaunch? Launch, string? Error) Build(
        Pod pod, Container container, int attempt, string? podIP, string hostIP, PodEnvironment environment)
    {
        var env = new List<KeyValuePair<string, string>>();
        foreach (var source in container.EnvFrom ?? [])
        {
            var (values, error) = source.ConfigMapRef is { } configMap
                ? Lookup(environment.ConfigMaps, "configmap", configMap.Name, configMap.Optional)
                : Lookup(environment.Secrets, "secret", source.SecretRef?.Name, source.SecretRef?.Optional);
            if (error is not null)
            {
                return (null, error);
            }
            env.AddRange(values.Select(p => KeyValuePair.Create((source.Prefix ?? "") + p.Key, p.Value)));
        }
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in env)
        {
            defined[name] = value;
        }
        foreach (var variable in container.Env ?? [])
        {
            var (value, error) = Resolve(pod, variable, podIP, hostIP, environment);
            if (error is not null)
            {
                return (null, error);
            }
            if (value is not null)
            {
                // A literal value may refer to the variables defined before it; values from references are taken as they are.
                value = variable.ValueFrom is null ? VariableExpansion.Expand(value, defined) : value;
                env.Add(KeyValuePair.Create(variable.Name ?? "", value));
                defined[variable.Name ?? ""] = value;
            }
        }
        var mounts = new List<HostMount>();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            var volume = pod.Spec?.Volumes?.FirstOrDefault(v => v.Name == mount.Name);
            if (volume is null)
            {
                return (null, $"volume \"{mount.Name}\" not found in the pod's volumes");
            }
            var hostPath = volume.HostPath?.Path ?? Path.Combine(environment.VolumeDirectory, volume.Name ?? "");
            if (!string.IsNullOrEmpty(mount.SubPath))
            {
                // An absolute or '..' subPath would mount any host path (Kubernetes' validation refuses it).
                if (!PodVolumes.IsWithin(mount.SubPath))
                {
                    return (null, $"subPath \"{mount.SubPath}\" of volume mount \"{mount.Name}\" must be a relative path within the volume");
                }
                hostPath = Path.Combine(hostPath, mount.SubPath);
            }
            var readOnly = mount.ReadOnly == true || volume.ConfigMap is not null || volume.Secret is not null;
            mounts.Add(new HostMount(hostPath, mount.MountPath ?? "", readOnly));
        }
        var limits = container.Resources?.Limits;
        return (new ContainerLaunch(
            container.Name ?? "",
            container.Image ?? "",
            container.Command?.Select(c => VariableExpansion.Expand(c, defined)).ToList(),
            container.Args?.Select(a => VariableExpansion.Expand(a, defined)).ToList(),
            container.WorkingDir,
            env,
            mounts,
            container.Ports?.Select(p => p.Port ?? 0).Where(p => p > 0).ToList() ?? [],
            limits is not null && limits.TryGetValue("cpu", out var cpu) ? cpu.MilliValue : null,
            limits is not null && limits.TryGetValue("memory", out var memory) ? memory.IntegerValue : null,
            PullPolicyOf(container),
            attempt,
            new ContainerStdio(container.Stdin == true, container.StdinOnce == true, container.Tty == true)), null);
    }

    /// <summary>Kubernetes' default: Always for <c>:latest</c> or no tag, IfNotPresent otherwise.</summary>
    public static PullPolicy PullPolicyOf(Container container) => container.ImagePullPolicy switch
    {
        "Always" => PullPolicy.Always,
        "Never" => PullPolicy.Never,
        "IfNotPresent" => PullPolicy.IfNotPresent,
        _ => HasExplicitTag(container.Image ?? "") ? PullPolicy.IfNotPresent : PullPolicy.Always,
    };

    private static bool HasExplicitTag(string image)
    {
        if (image.Contains('@'))
        {
            return true;
        }
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon >= 0 && lastSegment[(colon + 1)..] != "latest";
    }

    private static (string? Value, string? Error) Resolve(Pod pod, EnvVar variable, string? podIP, string hostIP, PodEnvironment environment)
    {
        var from = variable.ValueFrom;
        if (from is null)
        {
            return (variable.Value ?? "", null);
        }
        if (from.FieldRef is { } field)
        {
            return (FieldValue(pod, field.FieldPath ?? "", podIP, hostIP), null);
        }
        var (sourceKind, reference, key, optional, maps) = from.ConfigMapKeyRef is { } c
            ? ("configmap", c.Name, c.Key, c.Optional, environment.ConfigMaps)
            : ("secret", from.SecretKeyRef?.Name, from.SecretKeyRef?.Key, from.SecretKeyRef?.Optional, environment.Secrets);
        var (values, error) = Lookup(maps, sourceKind, reference, optional);
        if (error is not null)
        {
            return (null, error);
        }
        if (values.TryGetValue(key ?? "", out var value))
        {
            return (value, null);
        }
        return optional == true ? (null, null) : (null, $"couldn't find key {key} in {(sourceKind == "configmap" ? "ConfigMap" : "Secret")} {pod.Metadata?.Namespace}/{reference}");
    }

    private static (IReadOnlyDictionary<string, string> Values, string? Error) Lookup(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sources, string kind, string? name, bool? optional)
    {
        if (name is not null && sources.TryGetValue(name, out var values))
        {
            return (values, null);
        }
        return optional == true
            ? (new Dictionary<string, string>(), null)
            : (new Dictionary<string, string>(), $"{kind} \"{name}\" not found");
    }

    private static string? FieldValue(Pod pod, string path, string? podIP, string hostIP) => path switch
    {
        "metadata.name" => pod.Metadata?.Name,
        "metadata.namespace" => pod.Metadata?.Namespace,
        "metadata.uid" => pod.Metadata?.Uid,
        "spec.nodeName" => pod.Spec?.NodeName,
        "spec.serviceAccountName" => pod.Spec?.ServiceAccountName,
        "status.podIP" => podIP,
        "status.hostIP" => hostIP,
        // A label or annotation the pod lacks is an empty value, not a missing variable, as in Kubernetes.
        _ when path.StartsWith("metadata.labels['", StringComparison.Ordinal) => pod.Metadata?.Labels?.GetValueOrDefault(path[17..^2]) ?? "",
        _ when path.StartsWith("metadata.annotations['", StringComparison.Ordinal) => pod.Metadata?.Annotations?.GetValueOrDefault(path[22..^2]) ?? "",
        _ => null,
    };
}
