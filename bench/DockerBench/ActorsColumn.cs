using System.Diagnostics;
using System.Text.Json.Nodes;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.DockerBench;

/// <summary>
/// <c>actors up</c>: Deployments through its Kubernetes API, Running read from the pods' status as kubectl would
/// (phase Running and every container ready). One column per node: one with its warm sandbox pool, one without.
/// </summary>
internal sealed class ActorsColumn(KubeApi kube, DockerClient docker, string node, int poolSize, Scenario scenario) : IColumn
{
    public string Name { get; } = Label(poolSize);

    public static string Label(int poolSize) => poolSize > 0 ? $"pool {poolSize}" : "no pool";

    private const string Deployments = "apis/apps/v1/namespaces/default/deployments";

    /// <summary>The engine's running containers when the last <see cref="CreateAsync"/> saw all its pods Running, sandboxes apart.</summary>
    public (int Sandboxes, int Containers, int Pods) LastEngineCount { get; private set; }

    public async Task<TimeSpan> CreateAsync(string deployment, int replicas)
    {
        var clock = Stopwatch.StartNew();
        await kube.PostAsync(Deployments, Deployment(deployment, replicas));
        var elapsed = await Poll.UntilAsync($"{deployment} running", clock, async () => (await RunningPodsAsync(deployment)).Count == replicas);
        var containers = await NodeContainersAsync([]);
        var pods = containers.Select(c => ContainerIdentity.From(c.Names.FirstOrDefault(), c.Labels)).OfType<ContainerIdentity>().ToList();
        var sandboxes = pods.Count(c => c.IsSandbox);
        LastEngineCount = (sandboxes, pods.Count - sandboxes, replicas);
        await RemoveAsync(deployment);
        return elapsed;
    }

    public async Task<TimeSpan> RollingUpdateAsync(string run)
    {
        var deployment = run;
        var desired = Scenario.RollingReplicas;
        await kube.PostAsync(Deployments, Deployment(deployment, desired));
        await Poll.UntilAsync($"{deployment} running", Stopwatch.StartNew(), async () => (await RunningPodsAsync(deployment)).Count == desired);
        // The first pods took the pool: the update starts from the node's steady state, as every row does.
        await Poll.UntilAsync($"{node} pool full", Stopwatch.StartNew(), async () => WarmSandboxes(await NodeContainersAsync([])) == poolSize);

        var clock = await UpdateImageAsync(deployment);
        var elapsed = await Poll.UntilAsync($"{deployment} updated", clock, async () =>
        {
            var running = await RunningPodsAsync(deployment);
            return running.Count == desired && running.All(p => (string?)p["spec"]?["containers"]?[0]?["image"] == scenario.UpdatedImage);
        });
        await RemoveAsync(deployment);
        return elapsed;
    }

    /// <summary>
    /// Puts the updated image into the Deployment, reading it again when its controller wrote it in between (a 409);
    /// the clock starts at the first write.
    /// </summary>
    private async Task<Stopwatch> UpdateImageAsync(string deployment)
    {
        Stopwatch? clock = null;
        for (var attempt = 1; ; attempt++)
        {
            var current = (await kube.GetAsync($"{Deployments}/{deployment}"))!;
            current["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = scenario.UpdatedImage;
            clock ??= Stopwatch.StartNew();
            try
            {
                await kube.PutAsync($"{Deployments}/{deployment}", current);
                return clock;
            }
            catch (InvalidOperationException conflict) when (attempt < 5 && conflict.Message.Contains(": 409 ", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{Name}: {deployment} changed between read and write; reading it again");
            }
        }
    }

    public async Task<TimeSpan> SelfHealAsync(string run)
    {
        var deployment = run;
        await kube.PostAsync(Deployments, Deployment(deployment, 1));
        await Poll.UntilAsync($"{deployment} running", Stopwatch.StartNew(), async () => (await RunningPodsAsync(deployment)).Count == 1);
        var pod = (string)(await RunningPodsAsync(deployment))[0]["metadata"]!["name"]!;
        var victim = (await NodeContainersAsync([$"{PodSandboxConfig.PodNameLabel}={pod}", $"{PodSandboxConfig.ContainerNameLabel}={Scenario.ContainerName}"])).Single();
        var clock = Stopwatch.StartNew();
        var killed = await docker.KillContainerAsync(victim.Id, "KILL");
        if (!killed.IsOk)
        {
            throw new InvalidOperationException($"docker kill {victim.Id}: {killed}");
        }
        var elapsed = await Poll.UntilAsync($"{pod} restarted", clock, async () =>
            (await RunningPodsAsync(deployment)).Any(p => p["status"]?["containerStatuses"]?[0]?["restartCount"]?.GetValue<int>() >= 1));
        await RemoveAsync(deployment);
        return elapsed;
    }

    private JsonObject Deployment(string name, int replicas) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject
                {
                    ["terminationGracePeriodSeconds"] = 1,
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = Scenario.ContainerName,
                        ["image"] = scenario.Image,
                        ["command"] = new JsonArray([.. Scenario.Command.Select(c => (JsonNode?)c)]),
                    }),
                },
            },
        },
    };

    /// <summary>
    /// Pods in phase Running whose containers are all ready and that are not being deleted: what <c>kubectl get
    /// pods</c> shows as 1/1 Running (a pod being deleted shows as Terminating), and the counterpart of Swarm's tasks
    /// whose desired state is still running.
    /// </summary>
    private async Task<List<JsonNode>> RunningPodsAsync(string deployment)
    {
        var pods = (await kube.GetAsync($"api/v1/namespaces/default/pods?labelSelector=app%3D{deployment}"))!["items"]!.AsArray();
        return [.. pods.OfType<JsonNode>().Where(p =>
            (string?)p["status"]?["phase"] == "Running"
            && p["metadata"]?["deletionTimestamp"] is null
            && p["status"]?["containerStatuses"] is JsonArray statuses && statuses.Count > 0
            && statuses.All(s => s?["ready"]?.GetValue<bool>() == true))];
    }

    private async Task<IReadOnlyList<ContainerSummary>> NodeContainersAsync(IReadOnlyList<string> labels) =>
        (await docker.ListContainersAsync(all: false, [$"{PodSandboxConfig.NodeLabel}={node}", .. labels])).Value ?? [];

    /// <summary>
    /// Deletes the Deployment and waits for every pod container of the node to go and its pool to be full again (the
    /// node's steady state, refilled off the measured path), so the next row starts on a quiet engine.
    /// </summary>
    private async Task RemoveAsync(string deployment)
    {
        await kube.DeleteAsync($"{Deployments}/{deployment}");
        await Poll.UntilAsync($"{deployment} containers gone", Stopwatch.StartNew(), async () =>
        {
            var containers = (await docker.ListContainersAsync(all: true, [$"{PodSandboxConfig.NodeLabel}={node}"])).Value ?? [];
            var warm = WarmSandboxes(containers);
            return warm == containers.Count && warm == poolSize;
        });
    }

    private static int WarmSandboxes(IReadOnlyList<ContainerSummary> containers) =>
        containers.Count(c => c.State == "running" && ContainerIdentity.IsWarmPoolSandbox(c.Names.FirstOrDefault(), c.Labels));
}
