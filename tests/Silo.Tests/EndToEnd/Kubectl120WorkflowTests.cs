using System.Text.Json.Nodes;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// Debian's kubectl 1.20 (JSON bodies, some without Content-Type, no fieldValidation, OpenAPI v2 only) through the
/// everyday workflow against a real <c>actors server</c> on hollow nodes.
/// </summary>
[Trait("Category", "E2E")]
public sealed class Kubectl120WorkflowTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kubectl120_AppliesGetsScalesSetsImageLabelsReappliesAndDeletes_OnHollowNodes()
    {
        Assert.SkipUnless(File.Exists(Kubectl.Debian120), $"{Kubectl.Debian120} is not unpacked: run deploy/kubectl-120.sh");
        await using var cluster = await HollowCluster.StartAsync(Kubectl.Debian120);
        var kubectl = cluster.KubectlFor(Kubectl.Debian120);
        var web = await cluster.WriteFileAsync("web.yaml", HollowCluster.WebDeployment);

        Assert.Equal("deployment.apps/web created", (await kubectl.RunAsync("apply", "-f", web)).Trim());
        Assert.Contains("deployment \"web\" successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));

        var plain = Lines(await kubectl.RunAsync("get", "deployments"));
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$", plain[0]);
        Assert.Matches(@"^web\s+3/3\s+3\s+3\s+\d+s$", plain[1]);
        var wide = Lines(await kubectl.RunAsync("get", "deployments", "-o", "wide"));
        Assert.Matches(@"^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$", wide[0]);
        Assert.Matches(@"^web\s+3/3\s+3\s+3\s+\d+s\s+web\s+busybox:1\s+app=web$", wide[1]);
        var pods = Lines(await kubectl.RunAsync("get", "pods", "-o", "wide"));
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$", pods[0]);
        Assert.Equal(3, pods.Skip(1).Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^web-\S+\s+\S+\s+Running\s+0\s+\d+s\s+\S+\s+hollow-[12]\s")));

        var yaml = await kubectl.RunAsync("get", "deployment", "web", "-o", "yaml");
        Assert.Contains("kind: Deployment", yaml);
        Assert.Contains("  replicas: 3", yaml);
        Assert.Contains("kubectl.kubernetes.io/last-applied-configuration", yaml);
        var json = await GetJsonAsync(kubectl, "deployment", "web");
        Assert.Equal("web", (string?)json["spec"]!["selector"]!["matchLabels"]!["app"]);
        Assert.Equal(3, (int)json["status"]!["availableReplicas"]!);
        var byLabel = await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "name");
        Assert.Equal(3, Lines(byLabel).Count(l => l.StartsWith("pod/web-", StringComparison.Ordinal)));

        Assert.Equal("deployment.apps/web scaled", (await kubectl.RunAsync("scale", "deployment", "web", "--replicas=5")).Trim());
        await Eventually.WaitAsync("5 available replicas", async () =>
            await kubectl.RunAsync("get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}") == "5", Settle);

        Assert.Equal("deployment.apps/web image updated", (await kubectl.RunAsync("set", "image", "deployment/web", "web=busybox:2")).Trim());
        Assert.Contains("successfully rolled out", await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s"));
        await Eventually.WaitAsync("five pods, all on busybox:2", async () =>
        {
            var images = await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.containers[0].image}");
            return images.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 5 } all && all.All(i => i == "busybox:2");
        }, Settle);
        Assert.Equal("busybox:2", (string?)(await GetJsonAsync(kubectl, "deployment", "web"))["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);

        Assert.Equal("deployment.apps/web labeled", (await kubectl.RunAsync("label", "deployment", "web", "tier=front")).Trim());
        Assert.Equal("front", (string?)(await GetJsonAsync(kubectl, "deployment", "web"))["metadata"]!["labels"]!["tier"]);
        Assert.Matches(@"^web\s+5/5\s", Lines(await kubectl.RunAsync("get", "deployments", "-l", "tier=front"))[1]);
        var none = await kubectl.TryRunAsync("get", "deployments", "-l", "tier=back");
        Assert.Equal((0, ""), (none.ExitCode, none.StandardOutput));
        Assert.Contains("No resources found in default namespace.", none.StandardError);

        var smaller = await cluster.WriteFileAsync("web-2.yaml", HollowCluster.WebDeployment.Replace("replicas: 3", "replicas: 2"));
        Assert.Equal("deployment.apps/web configured", (await kubectl.RunAsync("apply", "-f", smaller)).Trim());
        await Eventually.WaitAsync("2 available replicas", async () =>
            await kubectl.RunAsync("get", "deployment", "web", "-o", "jsonpath={.status.availableReplicas}") == "2", Settle);
        // 1.20 sends no fieldValidation: the server warns (Warn is the default) and kubectl prints it.
        var typo = await cluster.WriteFileAsync("typo.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndat: {a: b}\n");
        var warned = await kubectl.TryRunAsync("apply", "-f", typo);
        Assert.Equal((0, "configmap/typo created"), (warned.ExitCode, warned.StandardOutput.Trim()));
        Assert.Contains("Warning: unknown field \"dat\"", warned.StandardError);

        Assert.Equal("deployment.apps \"web\" deleted", (await kubectl.RunAsync("delete", "deployment", "web")).Trim());
        await Eventually.WaitAsync("the ReplicaSets and pods to go", async () =>
            (await kubectl.RunAsync("get", "rs,pods", "-o", "name")).Trim().Length == 0, Settle);
        var gone = await kubectl.TryRunAsync("get", "deployment", "web");
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("Error from server (NotFound): deployments.apps \"web\" not found", gone.StandardError);
    }

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static async Task<JsonObject> GetJsonAsync(Kubectl kubectl, string resource, string name) =>
        JsonNode.Parse(await kubectl.RunAsync("get", resource, name, "-o", "json"))!.AsObject();
}
