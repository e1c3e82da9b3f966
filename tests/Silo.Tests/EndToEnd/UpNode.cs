using Actors.NodeAgent.Docker;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// An `actors up` process running pods on this machine's Docker engine under a node name of its own, with kubectl
/// pointed at it (trusting the CA in the kubeconfig it writes). Disposing stops it gracefully — so it takes its
/// cluster IPs off loopback — and removes every container labelled with its node.
/// </summary>
internal sealed class UpNode : IAsyncDisposable
{
    /// <summary>Three busybox httpd pods on port 8080 that serve their own name; a document followed by <c>---</c>.</summary>
    public const string HttpdDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: httpd
                image: actors/busybox:1
                command: ["sh", "-c", "echo $POD_NAME > /tmp/index.html; exec httpd -f -p 8080 -h /tmp"]
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
        ---

        """;

    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string> _environment = new() { ["ACTORS_MEMBERSHIP_PROFILE"] = "test" };

    private UpNode(string namePrefix)
    {
        Name = namePrefix + Guid.NewGuid().ToString("N")[..8];
        Kubectl = new Kubectl(Kubectl.Newest, KubeconfigPath);
    }

    public string Name { get; }

    public Kubectl Kubectl { get; }

    public string KubeconfigPath => Path.Combine(_directory.Path, "kubeconfig");

    public DockerClient Docker { get; } = new();

    public ActorsServerProcess Process { get; private set; } = null!;

    public static async Task<UpNode> StartAsync(string namePrefix)
    {
        var node = new UpNode(namePrefix);
        await node.StartProcessAsync();
        return node;
    }

    /// <summary>Stops the process gracefully and starts it again on the same data directory.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await Process.DisposeAsync();
        await StartProcessAsync();
    }

    /// <summary>SIGKILLs the process, which leaves whatever it had set up behind, and starts it again on the same data directory.</summary>
    public async Task KillAndStartAgainAsync()
    {
        Process.Kill();
        await Process.DisposeAsync();
        await StartProcessAsync();
    }

    /// <summary>Stops the process gracefully (disposing after that is harmless).</summary>
    public Task StopAsync() => Process.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>Writes a file into the node's directory; its path.</summary>
    public async Task<string> WriteFileAsync(string name, string content)
    {
        var path = Path.Combine(_directory.Path, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>Every container of this node on the engine, running or not.</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ContainersAsync()
    {
        var listed = await Docker.ListContainersAsync(all: true, [$"io.actors.node={Name}"]);
        Assert.True(listed.IsOk, listed.ToString());
        return listed.Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Process.DisposeAsync();
        foreach (var container in (await Docker.ListContainersAsync(all: true, [$"io.actors.node={Name}"])).Value ?? [])
        {
            await Docker.RemoveContainerAsync(container.Id, force: true);
        }
        Docker.Dispose();
        _directory.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var process = await ActorsServerProcess.StartCommandAsync("up", Name, _directory.Path, _environment, FreePort.Next());
        Process = process;
        await Eventually.WaitAsync("the node registered and the kubeconfig written", () =>
            process.Output.Contains("runs pods on the Docker engine", StringComparison.Ordinal) && File.Exists(Path.Combine(_directory.Path, "kubeconfig")),
            TimeSpan.FromSeconds(30), () => process.Output);
    }
}
