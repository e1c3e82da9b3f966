using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

/// <summary>
/// A Docker runtime for one test under a node name unique to it; disposing removes every container of that node,
/// so a failing test leaves nothing behind.
/// </summary>
internal sealed class RuntimeNode : IAsyncDisposable
{
    public const string Image = "actors/busybox:1";

    public RuntimeNode(DockerRuntimeOptions? options = null)
    {
        Client = new DockerClient();
        Counting = new CountingDockerClient(Client);
        NodeName = "test-" + Guid.NewGuid().ToString("N")[..12];
        Runtime = new DockerContainerRuntime(Counting, NodeName, options ?? new DockerRuntimeOptions());
    }

    public DockerClient Client { get; }

    /// <summary>The client the runtime talks through; it counts pulls.</summary>
    public CountingDockerClient Counting { get; }

    public string NodeName { get; }

    public DockerContainerRuntime Runtime { get; }

    public PodSandboxConfig NewPod(string name = "web") =>
        new(Guid.NewGuid().ToString(), "default", name, NodeName, name, new Dictionary<string, string> { ["app"] = name });

    public static ContainerLaunch Launch(string name, IReadOnlyList<string>? command, string image = Image, PullPolicy pullPolicy = PullPolicy.IfNotPresent) =>
        new(name, image, command, null, null, [], [], [], null, null, pullPolicy, 0);

    /// <summary>Runs the pod's sandbox and the given containers; fails the test on any runtime failure.</summary>
    public async Task<(SandboxInfo Sandbox, string[] ContainerIds)> RunPodAsync(PodSandboxConfig pod, params ContainerLaunch[] containers)
    {
        var token = TestContext.Current.CancellationToken;
        var sandbox = await Runtime.RunPodSandboxAsync(pod, token);
        Assert.True(sandbox.IsOk, $"sandbox of {pod.Name}: {sandbox}");
        var ids = new List<string>();
        foreach (var container in containers)
        {
            var started = await Runtime.StartContainerAsync(pod, container, token);
            Assert.True(started.IsOk, $"container {container.Name}: {started}");
            ids.Add(started.Value!);
        }
        return (sandbox.Value!, [.. ids]);
    }

    public async Task<IReadOnlyList<ContainerSummary>> EngineContainersAsync()
    {
        var listed = await Client.ListContainersAsync(all: true, [ContainerLabels.NodeFilter(NodeName)], TestContext.Current.CancellationToken);
        Assert.True(listed.IsOk, listed.ToString());
        return listed.Value;
    }

    public async Task EnsureImageAsync()
    {
        var image = await Client.InspectImageAsync(Image, TestContext.Current.CancellationToken);
        Assert.True(image.IsOk, $"image {Image} is missing ({image}): run `bash deploy/docker.sh` first");
    }

    public async ValueTask DisposeAsync()
    {
        var ours = await Client.ListContainersAsync(all: true, [ContainerLabels.NodeFilter(NodeName)]);
        await Task.WhenAll((ours.Value ?? []).Select(c => Client.RemoveContainerAsync(c.Id, force: true)));
        Client.Dispose();
    }
}
