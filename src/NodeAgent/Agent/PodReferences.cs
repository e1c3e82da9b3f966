using Actors.Grains.Abstractions.Resources;

namespace Actors.NodeAgent.Agent;

/// <summary>The ConfigMaps and Secrets a pod's containers and volumes name.</summary>
public static class PodReferences
{
    public static IReadOnlySet<string> ConfigMaps(Pod pod) => Names(
        AllContainers(pod).SelectMany(c => (c.EnvFrom ?? []).Select(e => e.ConfigMapRef?.Name)
            .Concat((c.Env ?? []).Select(e => e.ValueFrom?.ConfigMapKeyRef?.Name)))
        .Concat((pod.Spec?.Volumes ?? []).Select(v => v.ConfigMap?.Name)));

    public static IReadOnlySet<string> Secrets(Pod pod) => Names(
        AllContainers(pod).SelectMany(c => (c.EnvFrom ?? []).Select(e => e.SecretRef?.Name)
            .Concat((c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name)))
        .Concat((pod.Spec?.Volumes ?? []).Select(v => v.Secret?.SecretName)));

    private static IEnumerable<Container> AllContainers(Pod pod) => (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []);

    private static HashSet<string> Names(IEnumerable<string?> names) => names.OfType<string>().ToHashSet(StringComparer.Ordinal);
}
