using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Tests.Docker;

/// <summary>
/// Containers of one test, named and labelled with a run id unique to it; disposing removes every container with
/// that label, so a failing test leaves nothing behind.
/// </summary>
internal sealed class TestContainers : IAsyncDisposable
{
    public const string Image = "actors/busybox:1";
    public const string RunLabel = "actors.test.run";

    public TestContainers()
    {
        Client = new DockerClient();
        RunId = Guid.NewGuid().ToString("N")[..12];
    }

    public DockerClient Client { get; }

    public string RunId { get; }

    public string Name(string suffix) => $"actors-test-{RunId}-{suffix}";

    public Dictionary<string, string> Labels(params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string> { [RunLabel] = RunId };
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }
        return labels;
    }

    public async Task EnsureImageAsync()
    {
        var image = await Client.InspectImageAsync(Image, TestContext.Current.CancellationToken);
        Assert.True(image.IsOk, $"image {Image} is missing ({image}): run `bash deploy/docker.sh` first");
    }

    /// <summary>Creates and starts a container from the test image with the run label; fails the test on any error.</summary>
    public async Task<string> RunAsync(string suffix, IReadOnlyList<string> cmd, Func<ContainerCreateRequest, ContainerCreateRequest>? adjust = null)
    {
        var request = new ContainerCreateRequest { Name = Name(suffix), Image = Image, Cmd = cmd, Labels = Labels() };
        request = adjust?.Invoke(request) ?? request;
        var created = await Client.CreateContainerAsync(request, TestContext.Current.CancellationToken);
        Assert.True(created.IsOk, $"create {request.Name}: {created}");
        var started = await Client.StartContainerAsync(created.Value, TestContext.Current.CancellationToken);
        Assert.True(started.IsOk, $"start {request.Name}: {started}");
        return created.Value;
    }

    public async ValueTask DisposeAsync()
    {
        var ours = await Client.ListContainersAsync(all: true, [$"{RunLabel}={RunId}"]);
        foreach (var container in ours.Value ?? [])
        {
            await Client.RemoveContainerAsync(container.Id, force: true);
        }
        Client.Dispose();
    }
}
