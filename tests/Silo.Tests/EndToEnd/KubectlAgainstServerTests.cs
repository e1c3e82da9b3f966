using System.Diagnostics;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>The real kubectl against a real `actors server` process on SQLite, trusting the cluster CA from the kubeconfig it writes.</summary>
[Trait("Category", "E2E")]
public sealed class KubectlAgainstServerTests
{
    private const string Kubectl = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    [Fact]
    public async Task Kubectl_SeesTheBootObjects_AndCreatesADeploymentWhosePodsWaitForNodes()
    {
        using var directory = new TempDirectory();
        await using var server = await ActorsServerProcess.StartAsync("e2e", directory.Path, new Dictionary<string, string>());
        var kubeconfig = Path.Combine(directory.Path, "kubeconfig");
        await Eventually.WaitAsync("the kubeconfig to be written", () => File.Exists(kubeconfig), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("insecure-skip-tls-verify", await File.ReadAllTextAsync(kubeconfig, TestContext.Current.CancellationToken));

        var namespaces = await RunAsync(kubeconfig, "get", "namespaces");
        foreach (var name in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Assert.Contains(name, namespaces);
        }
        Assert.Contains("kubernetes", await RunAsync(kubeconfig, "get", "service", "-n", "default"));

        Assert.Contains("deployment.apps/web created", await RunAsync(kubeconfig, "create", "deployment", "web", "--image=busybox:1", "--replicas=2"));
        await Eventually.WaitAsync("two pods of web, unschedulable without nodes", async () =>
        {
            var pods = await RunAsync(kubeconfig, "get", "pods", "-l", "app=web", "-o", "jsonpath={range .items[*]}{.status.conditions[0].reason}{\"\\n\"}{end}");
            return pods.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l == "Unschedulable") == 2;
        }, TimeSpan.FromSeconds(30));

        await AssertDashboardLoginLinkWorksOnceAsync(directory.Path, server.ApiPort);

        Assert.Contains("deployment.apps \"web\" deleted", await RunAsync(kubeconfig, "delete", "deployment", "web"));
        await Eventually.WaitAsync("the pods to go with their deployment", async () =>
            !(await RunAsync(kubeconfig, "get", "pods", "-o", "name")).Contains("pod/web-"), TimeSpan.FromSeconds(30));
    }

    private const string HollowNodes = """
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

    private const string WebDeployment = """
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

    /// <summary>The everyday workflow on hollow nodes: apply, rollout status, set image, history, scale, delete by file.</summary>
    [Fact]
    public async Task Kubectl_AppliesRollsOutUpdatesScalesAndDeletes_OnHollowNodes()
    {
        using var directory = new TempDirectory();
        await using var server = await ActorsServerProcess.StartAsync("e2e", directory.Path, new Dictionary<string, string>());
        var kubeconfig = Path.Combine(directory.Path, "kubeconfig");
        await Eventually.WaitAsync("the kubeconfig to be written", () => File.Exists(kubeconfig), TimeSpan.FromSeconds(20));
        var nodes = Path.Combine(directory.Path, "nodes.yaml");
        var web = Path.Combine(directory.Path, "web.yaml");
        await File.WriteAllTextAsync(nodes, HollowNodes, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(web, WebDeployment, TestContext.Current.CancellationToken);

        Assert.Contains("node/hollow-1 created", await RunAsync(kubeconfig, "apply", "-f", nodes));
        Assert.Contains("Ready", await RunAsync(kubeconfig, "get", "nodes"));
        Assert.Contains("deployment.apps/web created", await RunAsync(kubeconfig, "apply", "-f", web));
        Assert.Contains("successfully rolled out", await RunAsync(kubeconfig, "rollout", "status", "deployment/web", "--timeout=60s"));
        var wide = await RunAsync(kubeconfig, "get", "pods", "-o", "wide");
        Assert.Equal(3, wide.Split('\n').Count(l => l.Contains("Running") && l.Contains("hollow-")));

        Assert.Contains("image updated", await RunAsync(kubeconfig, "set", "image", "deployment/web", "web=busybox:2"));
        Assert.Contains("successfully rolled out", await RunAsync(kubeconfig, "rollout", "status", "deployment/web", "--timeout=60s"));
        var images = await RunAsync(kubeconfig, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        Assert.Equal(["busybox:2", "busybox:2", "busybox:2"], images.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var history = await RunAsync(kubeconfig, "rollout", "history", "deployment/web");
        Assert.Contains("1 ", history);
        Assert.Contains("2 ", history);

        Assert.Contains("scaled", await RunAsync(kubeconfig, "scale", "deployment", "web", "--replicas=5"));
        await Eventually.WaitAsync("5 available replicas", async () =>
            await RunAsync(kubeconfig, "get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}") == "5", TimeSpan.FromSeconds(30));

        Assert.Contains("deleted", await RunAsync(kubeconfig, "delete", "-f", web));
        await Eventually.WaitAsync("the ReplicaSets and pods to go", async () =>
            (await RunAsync(kubeconfig, "get", "rs,pods", "-o", "name")).Trim().Length == 0, TimeSpan.FromSeconds(30));
    }

    /// <summary>`actors dashboard` prints a one-time link: the first visit logs in, the second finds it spent.</summary>
    private static async Task AssertDashboardLoginLinkWorksOnceAsync(string dataDirectory, int apiPort)
    {
        var (exitCode, stdout, stderr) = await ActorsBinary.RunAsync(TimeSpan.FromSeconds(30), "dashboard", "--data-dir", dataDirectory, "--api-port", apiPort.ToString());
        Assert.True(exitCode == 0, stderr);
        var link = new Uri(stdout.Trim());
        using var ca = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "ca.crt")));
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
                chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var http = new HttpClient(handler);
        using var first = await http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, first.StatusCode);
        Assert.EndsWith("/dashboard/", first.Headers.Location!.OriginalString);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("actors-dashboard=", StringComparison.Ordinal));
        using var second = await http.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.EndsWith("#login=expired", second.Headers.Location!.OriginalString);
    }

    private static async Task<string> RunAsync(string kubeconfig, params string[] arguments)
    {
        var start = new ProcessStartInfo(Kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }
}
