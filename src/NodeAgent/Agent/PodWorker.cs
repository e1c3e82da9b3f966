using System.Text;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Carries out one pod's planned actions on the runtime, off the agent's turns: the sandbox, container starts
/// with their ConfigMaps, Secrets and volumes resolved, removals. Failed starts are collected, not thrown.
/// </summary>
internal sealed class PodWorker(IContainerRuntime runtime, IObjectStore store, NodeAgentOptions options, string nodeName, string hostIP)
{
    /// <summary>The name a sandbox failure is recorded under, where container failures go by container name.</summary>
    public const string SandboxName = PodSandboxConfig.SandboxContainerName;

    public async Task RunAsync(Pod pod, RuntimePod? observed, IReadOnlyList<PodAction> actions, List<PodStartFailure> failures, CancellationToken cancellationToken)
    {
        var config = SandboxConfig(pod, nodeName);
        var volumeDirectory = Path.Combine(options.VolumeRoot, config.Uid);
        var podIP = observed is { SandboxRunning: true } ? observed.PodIP : null;
        foreach (var action in actions)
        {
            switch (action)
            {
                case PodAction.RunSandbox:
                    var sandbox = await runtime.RunPodSandboxAsync(config, cancellationToken);
                    if (!sandbox.IsOk)
                    {
                        failures.Add(new PodStartFailure(SandboxName, "FailedCreatePodSandBox", sandbox.Message ?? sandbox.Failure.ToString()));
                        return;
                    }
                    podIP = sandbox.Value!.PodIP;
                    break;
                case PodAction.StartContainer start:
                    if (await StartAsync(pod, config, start, podIP, volumeDirectory, cancellationToken) is { } failure)
                    {
                        failures.Add(failure);
                    }
                    break;
                case PodAction.RemoveContainer remove:
                    await runtime.RemoveContainerAsync(remove.ContainerId, cancellationToken);
                    break;
                case PodAction.RemovePod remove:
                    await runtime.RemovePodAsync(config.Uid, remove.GracePeriod, cancellationToken);
                    PodVolumes.Delete(volumeDirectory);
                    break;
            }
        }
    }

    public static PodSandboxConfig SandboxConfig(Pod pod, string nodeName) => new(
        pod.Metadata!.Uid!,
        pod.Metadata.Namespace ?? "default",
        pod.Metadata.Name ?? "",
        nodeName,
        pod.Spec?.Hostname ?? pod.Metadata.Name ?? "",
        pod.Metadata.Labels ?? [],
        HostnameRequested: pod.Spec?.Hostname is not null || pod.Spec?.Subdomain is not null);

    private async Task<PodStartFailure?> StartAsync(
        Pod pod, PodSandboxConfig config, PodAction.StartContainer start, string? podIP, string volumeDirectory, CancellationToken cancellationToken)
    {
        var container = (start.Init ? pod.Spec?.InitContainers : pod.Spec?.Containers)?.FirstOrDefault(c => c.Name == start.Name);
        if (container is null)
        {
            return null;
        }
        var environment = await LoadEnvironmentAsync(pod, volumeDirectory, cancellationToken);
        var (launch, error) = ContainerLaunchBuilder.Build(pod, container, start.Attempt, podIP, hostIP, environment);
        if (launch is null)
        {
            return new PodStartFailure(start.Name, "CreateContainerConfigError", error!);
        }
        PodVolumes.Prepare(pod, environment);
        var result = await runtime.StartContainerAsync(config, launch, cancellationToken);
        return result.IsOk ? null : new PodStartFailure(start.Name, WaitingReason(result.Failure), result.Message ?? result.Failure.ToString());
    }

    private static string WaitingReason(RuntimeFailure failure) => failure switch
    {
        RuntimeFailure.ImageNotPresent => "ErrImagePull",
        RuntimeFailure.CreateFailed => "CreateContainerError",
        _ => "RunContainerError",
    };

    /// <summary>Reads only the ConfigMaps and Secrets the pod refers to, from the store.</summary>
    private async Task<PodEnvironment> LoadEnvironmentAsync(Pod pod, string volumeDirectory, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata?.Namespace ?? "default";
        var configMaps = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in PodReferences.ConfigMaps(pod))
        {
            if (await store.GetAsync("ConfigMap", ns, name, cancellationToken) is { } obj)
            {
                configMaps[name] = KubernetesJson.Deserialize<ConfigMap>(obj).Data ?? [];
            }
        }
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in PodReferences.Secrets(pod))
        {
            if (await store.GetAsync("Secret", ns, name, cancellationToken) is { } obj)
            {
                secrets[name] = (KubernetesJson.Deserialize<Secret>(obj).Data ?? []).ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value));
            }
        }
        return new PodEnvironment(configMaps, secrets, volumeDirectory);
    }
}
