using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

/// <summary>The warm sandbox pool on the real engine: filling, claiming, refilling, adoption, shrinking and removal.</summary>
[Trait("Category", "Docker")]
public sealed class SandboxPoolTests : IAsyncLifetime
{
    private static readonly string[] SleepCommand = ["sleep", "3600"];

    private readonly RuntimeNode _node = new(new DockerRuntimeOptions { SandboxPoolSize = 2 });

    private DockerContainerRuntime Runtime => _node.Runtime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _node.EnsureImageAsync();

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task A_pod_claims_a_warm_sandbox_keeps_its_ip_across_a_restart_and_the_pool_refills()
    {
        await Runtime.RefillSandboxPoolAsync(Token);
        var warm = await WarmIdsAsync();
        Assert.Equal(2, warm.Count);
        Assert.Equal(new SandboxPoolStatus(2, 2), Runtime.SandboxPool);
        Assert.Empty(await Runtime.ListPodsAsync(Token));

        var pod = _node.NewPod("web");
        var (sandbox, ids) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", SleepCommand));

        Assert.Contains(sandbox.SandboxId, warm);
        Assert.Equal($"/k8s_POD_web_default_{pod.Uid}_0", (await NameOfAsync(sandbox.SandboxId)));
        var listed = Assert.Single(await Runtime.ListPodsAsync(Token));
        Assert.Equal((pod.Uid, "default", "web", sandbox.SandboxId, true, sandbox.PodIP),
            (listed.Uid, listed.Namespace, listed.Name, listed.SandboxId, listed.SandboxRunning, listed.PodIP));
        Assert.Equal([("app", ids[0], RuntimeContainerState.Running)], listed.Containers.Select(c => (c.Name, c.Id, c.State)));

        Assert.True((await Runtime.StopContainerAsync(ids[0], TimeSpan.Zero, Token)).IsOk);
        var restarted = await Runtime.StartContainerAsync(pod, RuntimeNode.Launch("app", SleepCommand) with { Attempt = 1 }, Token);
        Assert.True(restarted.IsOk, restarted.ToString());
        var address = await Runtime.ExecAsync(restarted.Value!, ["ip", "-o", "-4", "addr", "show", "eth0"], TimeSpan.FromSeconds(5), Token);
        Assert.Contains($"inet {sandbox.PodIP}/", address.Value?.Output);
        Assert.Equal(sandbox.PodIP, (await Runtime.ListPodsAsync(Token)).Single().PodIP);

        await Runtime.RefillSandboxPoolAsync(Token);
        var refilled = await WarmIdsAsync();
        Assert.Equal(2, refilled.Count);
        Assert.DoesNotContain(sandbox.SandboxId, refilled);

        Assert.True((await Runtime.RemovePodAsync(pod.Uid, TimeSpan.Zero, Token)).IsOk);
        Assert.Empty(await Runtime.ListPodsAsync(Token));
        Assert.Equal(refilled, await WarmIdsAsync());
    }

    [Fact]
    public async Task A_restarted_agent_adopts_claimed_sandboxes_and_keeps_warm_ones_as_pool()
    {
        await Runtime.RefillSandboxPoolAsync(Token);
        var pod = _node.NewPod("web");
        var (sandbox, _) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", SleepCommand));
        await Runtime.RefillSandboxPoolAsync(Token);
        var warm = await WarmIdsAsync();

        var restarted = new DockerContainerRuntime(_node.Counting, _node.NodeName, new DockerRuntimeOptions { SandboxPoolSize = 2 });
        var adopted = Assert.Single(await restarted.ListPodsAsync(Token));
        Assert.Equal((pod.Uid, sandbox.SandboxId, sandbox.PodIP), (adopted.Uid, adopted.SandboxId, adopted.PodIP));
        await restarted.RefillSandboxPoolAsync(Token);
        Assert.Equal(warm, await WarmIdsAsync());
        Assert.Equal(new SandboxPoolStatus(2, 2), restarted.SandboxPool);

        var second = _node.NewPod("api");
        var claimed = await restarted.RunPodSandboxAsync(second, Token);
        Assert.True(claimed.IsOk, claimed.ToString());
        Assert.Contains(claimed.Value!.SandboxId, warm);
        Assert.Equal(2, (await restarted.ListPodsAsync(Token)).Count);
    }

    [Fact]
    public async Task Size_zero_makes_none_and_removes_an_earlier_runs_warm_sandboxes()
    {
        await Runtime.RefillSandboxPoolAsync(Token);
        Assert.Equal(2, (await WarmIdsAsync()).Count);

        var off = new DockerContainerRuntime(_node.Counting, _node.NodeName, new DockerRuntimeOptions { SandboxPoolSize = 0 });
        await off.RefillSandboxPoolAsync(Token);

        Assert.Empty(await WarmIdsAsync());
        var pod = _node.NewPod("web");
        var (sandbox, _) = await _node.RunPodAsync(pod);
        var made = (await _node.EngineContainersAsync()).Single(c => c.Id == sandbox.SandboxId);
        Assert.Equal(pod.Uid, made.Labels?[PodSandboxConfig.PodUidLabel]);
    }

    [Fact]
    public async Task A_smaller_size_removes_the_excess_and_shutdown_removes_only_warm_ones()
    {
        var big = new DockerContainerRuntime(_node.Counting, _node.NodeName, new DockerRuntimeOptions { SandboxPoolSize = 3 });
        await big.RefillSandboxPoolAsync(Token);
        var pod = _node.NewPod("web");
        var claimed = await big.RunPodSandboxAsync(pod, Token);
        Assert.True(claimed.IsOk, claimed.ToString());
        Assert.Equal(2, (await WarmIdsAsync()).Count);

        var small = new DockerContainerRuntime(_node.Counting, _node.NodeName, new DockerRuntimeOptions { SandboxPoolSize = 1 });
        await small.RefillSandboxPoolAsync(Token);
        Assert.Single(await WarmIdsAsync());

        await small.RemoveSandboxPoolAsync(Token);
        Assert.Empty(await WarmIdsAsync());
        Assert.Equal(new SandboxPoolStatus(1, 0), small.SandboxPool);
        Assert.Equal(claimed.Value!.SandboxId, Assert.Single(await small.ListPodsAsync(Token)).SandboxId);
    }

    [Fact]
    public async Task A_pod_that_asks_for_its_hostname_gets_its_own_sandbox()
    {
        await Runtime.RefillSandboxPoolAsync(Token);
        var warm = await WarmIdsAsync();

        var (sandbox, ids) = await _node.RunPodAsync(_node.NewPod("web-0") with { HostnameRequested = true }, RuntimeNode.Launch("app", SleepCommand));

        Assert.DoesNotContain(sandbox.SandboxId, warm);
        Assert.Equal(warm, await WarmIdsAsync());
        var hostname = await Runtime.ExecAsync(ids[0], ["hostname"], TimeSpan.FromSeconds(5), Token);
        Assert.Equal("web-0", hostname.Value?.Output.Trim());
    }

    private async Task<IReadOnlyList<string>> WarmIdsAsync()
    {
        var listed = await _node.Client.ListContainersAsync(all: true, SandboxPoolLabels.Filters(_node.NodeName), Token);
        Assert.True(listed.IsOk, listed.ToString());
        return [.. listed.Value.Where(c => ContainerIdentity.IsWarmPoolSandbox(c.Names.FirstOrDefault(), c.Labels) && c.State == "running").Select(c => c.Id).Order(StringComparer.Ordinal)];
    }

    private async Task<string> NameOfAsync(string id)
    {
        var details = await _node.Client.InspectContainerAsync(id, Token);
        Assert.True(details.IsOk, details.ToString());
        return details.Value.Name;
    }
}
