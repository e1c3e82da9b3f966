using System.Diagnostics;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Api;

/// <summary>The real kubectl 1.33 against the gateway: protobuf create, client-side apply, Table get, delete.</summary>
[Trait("Category", "E2E")]
public sealed class KubectlEndToEndTests
{
    private const string Kubectl = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kubectl_creates_applies_gets_and_deletes()
    {
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubeconfig = Path.Combine(server.DataDirectory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, server.Kubeconfig, Ct);
        var manifest = Path.Combine(server.DataDirectory, "cm.yaml");
        await File.WriteAllTextAsync(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: x\ndata:\n  color: blue\n  size: \"3\"\n", Ct);

        var create = await RunAsync(kubeconfig, server.DataDirectory, "create", "namespace", "x");
        Assert.Equal("namespace/x created", create.Trim());
        Assert.NotNull(await server.Store.GetAsync("Namespace", "", "x", Ct));

        var apply = await RunAsync(kubeconfig, server.DataDirectory, "apply", "-f", manifest);
        Assert.Equal("configmap/settings created", apply.Trim());
        var stored = await server.Store.GetAsync("ConfigMap", "x", "settings", Ct);
        Assert.Equal("blue", stored!["data"]!["color"]!.GetValue<string>());

        var get = await RunAsync(kubeconfig, server.DataDirectory, "get", "cm", "-n", "x");
        var lines = get.Trim().Split('\n');
        Assert.Matches(@"^NAME\s+DATA\s+AGE$", lines[0]);
        Assert.Matches(@"^settings\s+2\s+\d+s$", lines[1]);

        var delete = await RunAsync(kubeconfig, server.DataDirectory, "delete", "cm", "settings", "-n", "x");
        Assert.Equal("configmap \"settings\" deleted", delete.Trim());
        Assert.Null(await server.Store.GetAsync("ConfigMap", "x", "settings", Ct));
    }

    [Fact]
    public async Task Kubectl_creates_scales_and_labels_a_deployment()
    {
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubeconfig = Path.Combine(server.DataDirectory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, server.Kubeconfig, Ct);

        Assert.Equal("deployment.apps/web created", (await RunAsync(kubeconfig, server.DataDirectory, "create", "deployment", "web", "--image=nginx:1.25", "--replicas=2")).Trim());
        Assert.Equal("deployment.apps/web scaled", (await RunAsync(kubeconfig, server.DataDirectory, "scale", "deployment", "web", "--replicas=3")).Trim());
        Assert.Equal("deployment.apps/web labeled", (await RunAsync(kubeconfig, server.DataDirectory, "label", "deployment", "web", "tier=front")).Trim());

        var stored = await server.Store.GetAsync("Deployment", "default", "web", Ct);
        Assert.Equal(3, stored!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("front", stored["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        var get = (await RunAsync(kubeconfig, server.DataDirectory, "get", "deploy", "-o", "wide")).Trim().Split('\n');
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$", get[0]);
        Assert.Matches(@"^web\s+\d/3\s+\d+\s+\d+\s+\S+\s+nginx\s+nginx:1.25\s+app=web$", get[1]);
    }

    [Fact]
    public async Task Kubectl_exposes_a_deployment_and_lists_its_endpoints()
    {
        Assert.SkipUnless(File.Exists(Kubectl), $"{Kubectl} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubeconfig = Path.Combine(server.DataDirectory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, server.Kubeconfig, Ct);
        var node = await server.Grains.GetGrain<INodeGrain>("hollow-1").CreateAsync("""
            {"metadata":{"name":"hollow-1","labels":{"actors.io/hollow":"true"}},
             "status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
                       "conditions":[{"type":"Ready","status":"True"}]}}
            """);
        Assert.Equal(ObjectWriteStatus.Created, node.Status);

        await RunAsync(kubeconfig, server.DataDirectory, "create", "deployment", "web", "--image=busybox:1", "--replicas=2", "--port=8080");
        Assert.Equal("service/web exposed", (await RunAsync(kubeconfig, server.DataDirectory, "expose", "deployment", "web", "--port=80", "--target-port=8080", "--type=NodePort")).Trim());

        var service = (await RunAsync(kubeconfig, server.DataDirectory, "get", "service", "web")).Trim().Split('\n');
        Assert.Matches(@"^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$", service[0]);
        Assert.Matches(@"^web\s+NodePort\s+10\.96\.1\.1\s+<none>\s+80:30086/TCP\s+\d+s$", service[1]);
        var endpoints = "";
        await Eventually.WaitAsync("both pods in the Endpoints", async () =>
        {
            endpoints = (await RunAsync(kubeconfig, server.DataDirectory, "get", "endpoints", "web")).Trim();
            return System.Text.RegularExpressions.Regex.IsMatch(endpoints, @"\nweb\s+10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080\s+\d+s$");
        }, TimeSpan.FromSeconds(30), () => endpoints);

        Assert.Equal("service \"web\" deleted", (await RunAsync(kubeconfig, server.DataDirectory, "delete", "service", "web")).Trim());
        Assert.Null(await server.Store.GetAsync("Endpoints", "default", "web", Ct));
    }

    private static async Task<string> RunAsync(string kubeconfig, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(Kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--kubeconfig=" + kubeconfig);
        info.ArgumentList.Add("--cache-dir=" + Path.Combine(directory, "kube-cache"));
        info.ArgumentList.Add("--request-timeout=20s");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
