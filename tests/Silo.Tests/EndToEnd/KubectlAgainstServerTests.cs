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

        Assert.Contains("deployment.apps \"web\" deleted", await RunAsync(kubeconfig, "delete", "deployment", "web"));
        await Eventually.WaitAsync("the pods to go with their deployment", async () =>
            !(await RunAsync(kubeconfig, "get", "pods", "-o", "name")).Contains("pod/web-"), TimeSpan.FromSeconds(30));
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
