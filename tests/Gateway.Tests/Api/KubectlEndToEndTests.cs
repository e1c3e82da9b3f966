using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Api;

/// <summary>The real kubectl 1.33 against the gateway: protobuf create, client-side apply, Table get, delete.</summary>
[Trait("Category", "E2E")]
public sealed class KubectlEndToEndTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kubectl_creates_applies_gets_and_deletes()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubectl = await KubectlAsync(server);
        var manifest = Path.Combine(server.DataDirectory, "cm.yaml");
        await File.WriteAllTextAsync(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: x\ndata:\n  color: blue\n  size: \"3\"\n", Ct);

        var create = await kubectl.RunAsync("create", "namespace", "x");
        Assert.Equal("namespace/x created", create.Trim());
        Assert.NotNull(await server.Store.GetAsync("Namespace", "", "x", Ct));

        var apply = await kubectl.RunAsync("apply", "-f", manifest);
        Assert.Equal("configmap/settings created", apply.Trim());
        var stored = await server.Store.GetAsync("ConfigMap", "x", "settings", Ct);
        Assert.Equal("blue", stored!["data"]!["color"]!.GetValue<string>());

        var get = await kubectl.RunAsync("get", "cm", "-n", "x");
        var lines = get.Trim().Split('\n');
        Assert.Matches(@"^NAME\s+DATA\s+AGE$", lines[0]);
        Assert.Matches(@"^settings\s+2\s+\d+s$", lines[1]);

        var delete = await kubectl.RunAsync("delete", "cm", "settings", "-n", "x");
        Assert.Equal("configmap \"settings\" deleted", delete.Trim());
        Assert.Null(await server.Store.GetAsync("ConfigMap", "x", "settings", Ct));
    }

    [Fact]
    public async Task Kubectl_creates_scales_and_labels_a_deployment()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubectl = await KubectlAsync(server);

        Assert.Equal("deployment.apps/web created", (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx:1.25", "--replicas=2")).Trim());
        Assert.Equal("deployment.apps/web scaled", (await kubectl.RunAsync("scale", "deployment", "web", "--replicas=3")).Trim());
        Assert.Equal("deployment.apps/web labeled", (await kubectl.RunAsync("label", "deployment", "web", "tier=front")).Trim());

        var stored = await server.Store.GetAsync("Deployment", "default", "web", Ct);
        Assert.Equal(3, stored!["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("front", stored["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        var get = (await kubectl.RunAsync("get", "deploy", "-o", "wide")).Trim().Split('\n');
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$", get[0]);
        Assert.Matches(@"^web\s+\d/3\s+\d+\s+\d+\s+\S+\s+nginx\s+nginx:1.25\s+app=web$", get[1]);
    }

    [Fact]
    public async Task Kubectl_exposes_a_deployment_and_lists_its_endpoints()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubectl = await KubectlAsync(server);
        var node = await server.Grains.GetGrain<INodeGrain>("hollow-1").CreateAsync("""
            {"metadata":{"name":"hollow-1","labels":{"actors.io/hollow":"true"}},
             "status":{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
                       "conditions":[{"type":"Ready","status":"True"}]}}
            """);
        Assert.Equal(ObjectWriteStatus.Created, node.Status);

        await kubectl.RunAsync("create", "deployment", "web", "--image=busybox:1", "--replicas=2", "--port=8080");
        Assert.Equal("service/web exposed", (await kubectl.RunAsync("expose", "deployment", "web", "--port=80", "--target-port=8080", "--type=NodePort")).Trim());

        var service = (await kubectl.RunAsync("get", "service", "web")).Trim().Split('\n');
        Assert.Matches(@"^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$", service[0]);
        Assert.Matches(@"^web\s+NodePort\s+10\.96\.1\.1\s+<none>\s+80:30086/TCP\s+\d+s$", service[1]);
        var endpoints = "";
        await Eventually.WaitAsync("both pods in the Endpoints", async () =>
        {
            endpoints = (await kubectl.RunAsync("get", "endpoints", "web")).Trim();
            return System.Text.RegularExpressions.Regex.IsMatch(endpoints, @"\nweb\s+10\.\d+\.\d+\.\d+:8080,10\.\d+\.\d+\.\d+:8080\s+\d+s$");
        }, TimeSpan.FromSeconds(30), () => endpoints);

        Assert.Equal("service \"web\" deleted", (await kubectl.RunAsync("delete", "service", "web")).Trim());
        Assert.Null(await server.Store.GetAsync("Endpoints", "default", "web", Ct));
    }

    /// <summary>kubectl auth: can-i (exit code 0 for yes), can-i --list and whoami, their reviews sent as protobuf.</summary>
    [Fact]
    public async Task Kubectl_auth_answers_who_the_caller_is_and_what_it_may_do()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Newest), $"{Kubectl.Newest} is not installed");
        await using var server = await GatewayTestServer.StartAsync();
        var kubectl = await KubectlAsync(server);

        Assert.Equal("yes", (await kubectl.RunAsync("auth", "can-i", "delete", "deployments", "-n", "kube-system")).Trim());
        Assert.Matches(@"Username\s+admin", await kubectl.RunAsync("auth", "whoami"));
        Assert.Matches(@"\*\.\*\s+\[\]\s+\[\]\s+\[\*\]", await kubectl.RunAsync("auth", "can-i", "--list"));
    }

    private static async Task<Kubectl> KubectlAsync(GatewayTestServer server)
    {
        var kubeconfig = Path.Combine(server.DataDirectory, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, server.Kubeconfig, Ct);
        return new Kubectl(Kubectl.Newest, kubeconfig);
    }
}
