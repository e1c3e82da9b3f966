using Actors.Grains.Abstractions.Resources;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// A pod's volumes on this machine, under one directory per pod: emptyDir as an empty directory, ConfigMap and
/// Secret volumes as one file per key (or per listed item). hostPath volumes are the host's own paths.
/// </summary>
public static class PodVolumes
{
    public static void Prepare(Pod pod, PodEnvironment environment)
    {
        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            if (volume.HostPath is not null || volume.Name is null)
            {
                continue;
            }
            var directory = Path.Combine(environment.VolumeDirectory, volume.Name);
            Directory.CreateDirectory(directory);
            var (values, items) = volume.ConfigMap is { } configMap
                ? (environment.ConfigMaps.GetValueOrDefault(configMap.Name ?? ""), configMap.Items)
                : volume.Secret is { } secret
                    ? (environment.Secrets.GetValueOrDefault(secret.SecretName ?? ""), secret.Items)
                    : (null, null);
            foreach (var (key, path) in Files(values, items))
            {
                var file = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, values![key]);
            }
        }
    }

    public static void Delete(string volumeDirectory)
    {
        if (Directory.Exists(volumeDirectory))
        {
            Directory.Delete(volumeDirectory, recursive: true);
        }
    }

    /// <summary>Each key to its file name: every key by its own name, or only the listed items at their paths.</summary>
    public static IEnumerable<(string Key, string Path)> Files(IReadOnlyDictionary<string, string>? values, IReadOnlyList<KeyToPath>? items) =>
        values is null ? []
        : items is { Count: > 0 }
            ? items.Where(i => i.Key is not null && values.ContainsKey(i.Key) && IsWithin(i.Path ?? i.Key))
                .Select(i => (i.Key!, i.Path ?? i.Key!))
            : values.Keys.Select(k => (k, k));

    /// <summary>
    /// A path that stays inside the directory it is joined to, as Kubernetes' validation demands of item paths and
    /// subPaths: relative, not empty, no <c>..</c> element (a name like <c>a..b</c> is fine).
    /// </summary>
    public static bool IsWithin(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Split('/').Contains("..", StringComparer.Ordinal);
}
