using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// A real <c>actors server</c> with two hollow nodes (pods report Running without containers), the kubeconfig it
/// wrote (trusting the cluster CA) and the deployment manifest the client workflows apply. Shared by the kubectl
/// and python client tests.
/// </summary>
internal sealed class HollowCluster : IAsyncDisposable
{
    public const string HollowNodes = """
        apiVersion: v1
        kind: Node
        metadata:
          name: hollow-1
          labels: {actors.io/hollow: "true"}
        status:
          allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
          conditions: [{type: Ready, status: "True"}]
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: hollow-2
          labels: {actors.io/hollow: "true"}
        status:
          allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
          conditions: [{type: Ready, status: "True"}]
        """;

    public const string WebDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "busybox:1"}]
        """;

    private readonly TempDirectory _directory;

    private HollowCluster(TempDirectory directory, ActorsServerProcess server, string kubeconfig)
    {
        _directory = directory;
        Server = server;
        KubeconfigPath = kubeconfig;
    }

    public ActorsServerProcess Server { get; }

    public string KubeconfigPath { get; }

    public string DataDirectory => _directory.Path;

    /// <summary>Starts the server and waits for its kubeconfig; with <paramref name="kubectl"/>, also applies the hollow nodes.</summary>
    public static async Task<HollowCluster> StartAsync(string? kubectl = Kubectl.Newest)
    {
        var directory = new TempDirectory();
        var server = await ActorsServerProcess.StartAsync("e2e", directory.Path, new Dictionary<string, string>());
        var kubeconfig = Path.Combine(directory.Path, "kubeconfig");
        await Eventually.WaitAsync("the kubeconfig to be written", () => File.Exists(kubeconfig), TimeSpan.FromSeconds(20));
        var cluster = new HollowCluster(directory, server, kubeconfig);
        if (kubectl is not null)
        {
            var nodes = await cluster.WriteFileAsync("nodes.yaml", HollowNodes);
            Assert.Contains("node/hollow-1 created", await cluster.KubectlFor(kubectl).RunAsync("apply", "-f", nodes));
        }
        return cluster;
    }

    public Kubectl KubectlFor(string binary) => new(binary, KubeconfigPath);

    /// <summary>Writes a file into the cluster's directory; its path.</summary>
    public async Task<string> WriteFileAsync(string name, string content)
    {
        var path = Path.Combine(_directory.Path, name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
